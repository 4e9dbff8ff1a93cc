import { StyleSheet } from '@react-pdf/renderer';
import { FONT_FAMILY } from './fonts';

// Plain opaque colours only: PDF/A-2b allows transparency, but keeping none
// avoids the blending-space rules and prints the same everywhere.
const ink = '#1a1a1a';
const muted = '#555555';
const rule = '#9a9a9a';
const band = '#e8ecef';

/** The shared look of every document. */
export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 9.5,
    lineHeight: 1.35,
    color: ink,
    paddingTop: 64,
    paddingBottom: 72,
    paddingHorizontal: 56,
  },
  header: {
    position: 'absolute',
    top: 24,
    left: 56,
    right: 56,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderBottomWidth: 0.75,
    borderBottomColor: rule,
    paddingBottom: 4,
    fontSize: 8,
  },
  confidential: { fontWeight: 700, color: '#8b0000', letterSpacing: 0.5 },
  headerRight: { color: muted },
  footer: {
    position: 'absolute',
    left: 56,
    right: 56,
    borderTopWidth: 0.75,
    borderTopColor: rule,
    paddingTop: 4,
    fontSize: 7,
    color: muted,
    flexDirection: 'row',
    justifyContent: 'space-between',
  },
  footerIds: { flexDirection: 'column', maxWidth: 380 },
  pageNumber: { fontSize: 8, color: ink },
  title: { fontSize: 17, lineHeight: 1.3, fontWeight: 700, marginBottom: 2 },
  subtitle: { fontSize: 10.5, color: muted, marginBottom: 12 },
  banner: {
    backgroundColor: band,
    padding: 6,
    marginBottom: 10,
    fontWeight: 700,
  },
  h2: { fontSize: 12.5, fontWeight: 700, marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 10.5, fontWeight: 700, marginTop: 8, marginBottom: 3 },
  h4: { fontSize: 9.5, fontWeight: 700, marginTop: 5, marginBottom: 2 },
  paragraph: { marginBottom: 4 },
  listRow: { flexDirection: 'row', marginBottom: 2 },
  listMarker: { width: 14 },
  listText: { flex: 1 },
  muted: { color: muted },
  metaRow: { flexDirection: 'row', marginBottom: 2 },
  metaLabel: { width: 110, color: muted },
  metaValue: { flex: 1 },
  table: { borderTopWidth: 0.75, borderTopColor: rule, marginTop: 2, marginBottom: 6 },
  tableHeader: {
    flexDirection: 'row',
    backgroundColor: band,
    borderBottomWidth: 0.75,
    borderBottomColor: rule,
    fontWeight: 700,
  },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: rule },
  cell: { paddingVertical: 3, paddingHorizontal: 4 },
  itemTitle: {
    fontSize: 12.5,
    fontWeight: 700,
    marginTop: 16,
    marginBottom: 4,
    paddingBottom: 2,
    borderBottomWidth: 1,
    borderBottomColor: ink,
  },
  withheld: {
    borderLeftWidth: 2,
    borderLeftColor: rule,
    paddingLeft: 6,
    marginBottom: 3,
  },
  signatureBox: {
    position: 'absolute',
    borderWidth: 1,
    borderColor: ink,
    padding: 10,
  },
  signatureTitle: { fontSize: 11, fontWeight: 700, marginBottom: 6 },
});
