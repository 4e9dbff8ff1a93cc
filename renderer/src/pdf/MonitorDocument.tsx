// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Document, G, Line, Page, Rect, Svg, Text, View } from '@react-pdf/renderer';
import { formatDutchDateTime } from './dutchDates';
import { FONT_FAMILY } from './fonts';
import { PDF_CONFORMANCE, PDF_CREATOR, PDF_LANGUAGE, PDF_PRODUCER, safeMetadata } from './metadata';
import { PageFrame } from './PageFrame';
import { PAGE_HEIGHT } from './signatureLayout';
import { styles } from './styles';

/** A value as the server sends it with export=1: a count, "< 5" for 1–4, or none. */
export type MonitorPdfValue = number | '< 5' | null;

/**
 * A bar chart as plain data (computed by features/monitor/chartGeometry.ts, the same geometry the
 * screen draws), in the chart's own units: viewBox 0 0 width height.
 */
export interface MonitorPdfChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: { value: number; text: string; y: number }[];
  groups: { id: string; lines: { text: string; x: number; y: number }[]; bars: { period: number; x: number; y: number; width: number; height: number; fill: string; text: string; textX: number; textY: number }[] }[];
  legend: { label: string; x: number; y: number; fill: string }[];
}

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
  /** The headline figures as grouped bars (chartGeometry.ts, the same geometry as on the screen). */
  chart?: MonitorPdfChart;
}

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const shown = (value: MonitorPdfValue | undefined): string =>
  value === null || value === undefined ? '–' : typeof value === 'number' ? number.format(value) : value;

const labelWidth = '52%';
/** Width of the chart on the page (A4 minus the page's margins). */
const chartWidth = 480;

/** The chart drawn with react-pdf's SVG primitives: bars, "< 5" and "–" as text without a bar. */
function MonitorChartPdf({ chart }: { chart: MonitorPdfChart }) {
  const { plot } = chart;
  const text = { fontFamily: FONT_FAMILY, fontSize: 7 };
  return (
    <View wrap={false} style={{ marginBottom: 10 }}>
      <Text style={styles.h3}>Kerncijfers per periode</Text>
      <Svg width={chartWidth} height={(chartWidth * chart.height) / chart.width} viewBox={`0 0 ${chart.width} ${chart.height}`}>
        {chart.legend.map((entry, i) => (
          <G key={`legend-${i}`}>
            <Rect x={entry.x} y={entry.y} width={10} height={10} fill={entry.fill} />
            <Text x={entry.x + 14} y={entry.y + 9} style={{ ...text, fontSize: 9 }}>{entry.label}</Text>
          </G>
        ))}
        {chart.ticks.map((tick) => (
          <G key={`tick-${tick.value}`}>
            <Line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#d0d0d0" strokeWidth={0.5} />
            <Text x={plot.left - 4} y={tick.y + 3} textAnchor="end" style={text}>{tick.text}</Text>
          </G>
        ))}
        <Line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#000000" strokeWidth={0.75} />
        {chart.groups.map((group) => (
          <G key={group.id}>
            {group.bars.map((bar) => (
              <G key={bar.period}>
                {bar.height > 0 ? <Rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={bar.fill} /> : null}
                <Text x={bar.textX} y={bar.textY} textAnchor="middle" style={text}>{bar.text}</Text>
              </G>
            ))}
            {group.lines.map((line, i) => <Text key={i} x={line.x} y={line.y} textAnchor="middle" style={text}>{line.text}</Text>)}
          </G>
        ))}
      </Svg>
    </View>
  );
}

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
        {data.chart ? <MonitorChartPdf chart={data.chart} /> : null}
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
