// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Text, View } from '@react-pdf/renderer';
import { styles } from './styles';

// react-pdf places a fixed `bottom: n` element against the content height, which
// left the footer off most pages; it is placed from the top of the page instead.
const FOOTER_FROM_BOTTOM = 58;

/** What the header and footer of every page state. */
export interface FrameInfo {
  /** Right side of the header, e.g. region, meeting and date. */
  headerText: string;
  documentId: string;
  contentHash: string;
  /** Extra footer line, e.g. the version. */
  footerNote?: string;
  /** Height of the page in points; the footer is placed from the top. */
  pageHeight: number;
}

/** "Vertrouwelijk" header and the footer with ids and "Pagina x van y", repeated on every page. */
export function PageFrame({ headerText, documentId, contentHash, footerNote, pageHeight }: FrameInfo) {
  return (
    <>
      <View style={styles.header} fixed>
        <Text style={styles.confidential}>VERTROUWELIJK</Text>
        <Text style={styles.headerRight}>{headerText}</Text>
      </View>
      <View style={[styles.footer, { top: pageHeight - FOOTER_FROM_BOTTOM }]} fixed>
        <View style={styles.footerIds}>
          <Text>
            Document {documentId}
            {footerNote ? ` · ${footerNote}` : ''}
          </Text>
          <Text>Inhoudshash (SHA-256): {contentHash}</Text>
        </View>
        <Text
          style={styles.pageNumber}
          render={({ pageNumber, totalPages }) => `Pagina ${pageNumber} van ${totalPages}`}
        />
      </View>
    </>
  );
}
