// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { formatDutchDateTime } from './dutchDates';
import { PDF_CONFORMANCE, PDF_CREATOR, PDF_LANGUAGE, PDF_PRODUCER, safeMetadata } from './metadata';
import { PageFrame } from './PageFrame';
import { PAGE_HEIGHT } from './signatureLayout';
import { styles } from './styles';

/** A value as the server sends it with export=1: a count, "< 5" for 1–4, or none. */
export type MonitorPdfValue = number | '< 5' | null;

/** What the monitor PDF prints: counts and texts only, no names, labels or case numbers. */
export interface MonitorPdfData {
  /** Stable id printed in the footer. */
  documentId: string;
  /** The area: the region or one municipality. */
  area: string;
  /** The column headings, one per period. */
  periods: string[];
  generatedAt: string;
  groups: { name: string; rows: { label: string; definition: string; values: MonitorPdfValue[] }[] }[];
  /** The improvement measures by phase; left out when the user cannot read the board. */
  improvements?: { phase: string; items: { title: string; status: string; org: string; bottlenecks: string }[] }[];
}

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const shown = (value: MonitorPdfValue | undefined): string =>
  value === null || value === undefined ? '–' : typeof value === 'number' ? number.format(value) : value;

const labelWidth = '52%';

/** The monitor like the progress monitor it imitates: the figures per group, periods side by side, then the measures. */
export function MonitorDocument({ data, contentHash, creationDate }: { data: MonitorPdfData; contentHash: string; creationDate: Date }) {
  const meta = safeMetadata({
    title: `Monitor ${data.area}, ${data.periods.join(', ')}`,
    author: PDF_CREATOR,
    subject: 'Monitor: cijfers en voortgang van de verbetermaatregelen',
    keywords: `${data.documentId}, sha256:${contentHash}`,
  });
  const valueWidth = `${48 / Math.max(1, data.periods.length)}%`;
  return (
    <Document title={meta.title} author={meta.author} subject={meta.subject} keywords={meta.keywords}
      creator={PDF_CREATOR} producer={PDF_PRODUCER} language={PDF_LANGUAGE} creationDate={creationDate} conformance={PDF_CONFORMANCE}>
      <Page size="A4" style={styles.page}>
        <PageFrame headerText={`Monitor · ${data.area}`} documentId={data.documentId} contentHash={contentHash} pageHeight={PAGE_HEIGHT} />
        <Text style={styles.title}>Monitor</Text>
        <Text style={styles.subtitle}>{data.area} · {data.periods.join(' | ')} · opgesteld {formatDutchDateTime(data.generatedAt)}</Text>
        <Text style={[styles.paragraph, styles.muted]}>
          Alleen aantallen, geen namen. Aantallen van 1 tot en met 4 staan als ‘&lt; 5’, zodat niemand herkenbaar is.
        </Text>
        {data.groups.map((group) => (
          <View key={group.name} style={styles.table}>
            <View style={styles.tableHeader} wrap={false}>
              <Text style={[styles.cell, { width: labelWidth }]}>{group.name}</Text>
              {data.periods.map((period) => <Text key={period} style={[styles.cell, { width: valueWidth, textAlign: 'right' }]}>{period}</Text>)}
            </View>
            {group.rows.map((row) => (
              <View key={row.label} style={styles.tableRow} wrap={false}>
                <View style={[styles.cell, { width: labelWidth }]}>
                  <Text>{row.label}</Text>
                  <Text style={[styles.muted, { fontSize: 7 }]}>{row.definition}</Text>
                </View>
                {data.periods.map((period, i) => <Text key={period} style={[styles.cell, { width: valueWidth, textAlign: 'right' }]}>{shown(row.values[i])}</Text>)}
              </View>
            ))}
          </View>
        ))}
        {data.improvements ? (
          <View break>
            <Text style={styles.h2}>Verbetermaatregelen</Text>
            {data.improvements.map((phase) => (
              <View key={phase.phase}>
                <Text style={styles.h3}>{phase.phase}</Text>
                {phase.items.length === 0 ? <Text style={styles.muted}>Geen maatregelen in deze fase.</Text> : phase.items.map((item, i) => (
                  <View key={i} style={styles.withheld} wrap={false}>
                    <Text style={{ fontWeight: 700 }}>{item.title}</Text>
                    <Text style={styles.muted}>Status: {item.status} · Organisatie: {item.org || 'geen'}</Text>
                    {item.bottlenecks ? <Text>Knelpunten: {item.bottlenecks}</Text> : null}
                  </View>
                ))}
              </View>
            ))}
          </View>
        ) : null}
      </Page>
    </Document>
  );
}
