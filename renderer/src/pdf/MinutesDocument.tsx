// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { ActionTable } from './ActionTable';
import { AgendaItemSection } from './AgendaItemSection';
import { formatDutchDateOf, formatDutchDateTime } from './dutchDates';
import { appendixActions } from './exportFilter';
import { PDF_CONFORMANCE, PDF_CREATOR, PDF_LANGUAGE, PDF_PRODUCER, safeMetadata } from './metadata';
import type { AttendanceStatus, MinutesData, SignatureBlockInfo } from './model';
import { PageFrame, type FrameInfo } from './PageFrame';
import { SignaturePageContent } from './SignaturePage';
import { PAGE_HEIGHT } from './signatureLayout';
import { styles } from './styles';

const attendanceLabel: Record<AttendanceStatus, string> = {
  aanwezig: 'Aanwezig',
  afwezig: 'Afwezig',
  afgemeld: 'Afgemeld',
};

const attendanceColumns = { name: { flex: 2 }, org: { flex: 2 }, status: { flex: 1 } } as const;

/** Props of `MinutesDocument`; the data must already be validated and filtered. */
export interface MinutesDocumentProps {
  data: MinutesData;
  contentHash: string;
  creationDate: Date;
  signature?: SignatureBlockInfo;
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.metaRow}>
      <Text style={styles.metaLabel}>{label}</Text>
      <Text style={styles.metaValue}>{value}</Text>
    </View>
  );
}

/** Title line used in the header and in the metadata. */
export function minutesTitle(data: MinutesData): string {
  const base = `Verslag ${data.meetingTypeLabel} ${formatDutchDateOf(data.start)}`;
  return data.audience ? `${base} (versie voor ${data.audience.name})` : base;
}

/** The minutes (verslag) of one meeting, in Dutch. */
export function MinutesDocument({ data, contentHash, creationDate, signature }: MinutesDocumentProps) {
  const concept = data.status !== 'vastgesteld';
  const frame: FrameInfo = {
    headerText: `${data.region} · ${data.meetingTypeLabel} · ${formatDutchDateOf(data.start)}${concept ? ' · CONCEPT' : ''}`,
    documentId: data.documentId,
    contentHash,
    footerNote: `versie ${data.version}${data.audience ? ` · voor ${data.audience.name}` : ''}`,
    pageHeight: PAGE_HEIGHT,
  };
  const meta = safeMetadata({
    title: minutesTitle(data),
    author: `${data.secretary.name} (${data.secretary.orgName})`,
    subject: `Vertrouwelijk verslag casusoverleg, ${data.region}`,
    keywords: `${data.documentId}, versie ${data.version}, ${data.status}, sha256:${contentHash}`,
  });
  const actions = appendixActions(data);

  return (
    <Document
      title={meta.title}
      author={meta.author}
      subject={meta.subject}
      keywords={meta.keywords}
      creator={PDF_CREATOR}
      producer={PDF_PRODUCER}
      language={PDF_LANGUAGE}
      creationDate={creationDate}
      conformance={PDF_CONFORMANCE}
    >
      <Page size="A4" style={styles.page}>
        <PageFrame {...frame} />
        <Text style={styles.title}>Verslag {data.meetingTypeLabel}</Text>
        <Text style={styles.subtitle}>{data.region}</Text>
        {concept && <Text style={styles.banner}>CONCEPT — dit verslag is nog niet vastgesteld.</Text>}
        {data.audience && (
          <Text style={styles.banner}>
            Versie voor {data.audience.name}: alleen de agendapunten die deze organisatie mag kennen.
          </Text>
        )}
        <Meta label="Datum en tijd" value={formatDutchDateTime(data.start)} />
        <Meta label="Locatie" value={data.location || '—'} />
        <Meta label="Voorzitter" value={`${data.chair.name} (${data.chair.orgName})`} />
        <Meta label="Secretaris" value={`${data.secretary.name} (${data.secretary.orgName})`} />
        <Meta label="Versie" value={String(data.version)} />
        <Meta
          label="Status"
          value={
            data.status === 'vastgesteld' && data.approvedAt
              ? `Vastgesteld op ${formatDutchDateTime(data.approvedAt)} door ${data.approvedBy ?? ''}`
              : 'Concept'
          }
        />

        <Text style={styles.h2}>Aanwezigheid</Text>
        <View style={styles.table}>
          <View style={styles.tableHeader} wrap={false}>
            <Text style={[styles.cell, attendanceColumns.name]}>Naam</Text>
            <Text style={[styles.cell, attendanceColumns.org]}>Organisatie</Text>
            <Text style={[styles.cell, attendanceColumns.status]}>Aanwezigheid</Text>
          </View>
          {data.attendance.map((person, index) => (
            <View key={index} style={styles.tableRow} wrap={false}>
              <Text style={[styles.cell, attendanceColumns.name]}>{person.name}</Text>
              <Text style={[styles.cell, attendanceColumns.org]}>{person.orgName}</Text>
              <Text style={[styles.cell, attendanceColumns.status]}>{attendanceLabel[person.status]}</Text>
            </View>
          ))}
        </View>

        <Text style={styles.h2}>Agendapunten</Text>
        {data.items.length === 0 ? (
          <Text style={[styles.paragraph, styles.muted]}>Geen agendapunten.</Text>
        ) : (
          data.items.map((item, index) => (
            <Text key={item.caseId} style={styles.paragraph}>
              {index + 1}. {item.caseLabel}
            </Text>
          ))
        )}
      </Page>

      {/* Each case starts on a page of its own: a per-case record that reads on its
          own, and react-pdf lays out each <Page> separately, where one long page
          would be re-laid-out once per page break. */}
      {data.items.map((item, index) => (
        <Page key={item.caseId} size="A4" style={styles.page}>
          <PageFrame {...frame} />
          <AgendaItemSection item={item} number={index + 1} />
        </Page>
      ))}

      <Page size="A4" style={styles.page}>
        <PageFrame {...frame} />
        <Text style={styles.h2}>Bijlage: volledige actielijst</Text>
        <ActionTable actions={actions} withCase />
      </Page>

      <Page size="A4" style={styles.page}>
        <PageFrame {...frame} />
        <SignaturePageContent data={data} signature={signature} />
      </Page>
    </Document>
  );
}
