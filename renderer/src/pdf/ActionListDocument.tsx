// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Document, Page, Text } from '@react-pdf/renderer';
import { ActionTable } from './ActionTable';
import { formatDutchDateTime } from './dutchDates';
import { PDF_CONFORMANCE, PDF_CREATOR, PDF_LANGUAGE, PDF_PRODUCER, safeMetadata } from './metadata';
import type { ActionListData } from './model';
import { PageFrame } from './PageFrame';
import { PAGE_WIDTH } from './signatureLayout';

/** The list is landscape A4, so its page height is the A4 width. */
const LANDSCAPE_PAGE_HEIGHT = PAGE_WIDTH;
import { styles } from './styles';

/** Props of `ActionListDocument`; the data must already be validated. */
export interface ActionListDocumentProps {
  data: ActionListData;
  contentHash: string;
  creationDate: Date;
}

/** The action list on its own: every action with its one owner, organisation, due date and status. */
export function ActionListDocument({ data, contentHash, creationDate }: ActionListDocumentProps) {
  const title = `Actielijst ${data.scopeLabel}${data.audience ? ` (versie voor ${data.audience.name})` : ''}`;
  const meta = safeMetadata({
    title,
    author: PDF_CREATOR,
    subject: `Vertrouwelijke actielijst, ${data.region}`,
    keywords: `${data.documentId}, sha256:${contentHash}`,
  });
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
      <Page size="A4" orientation="landscape" style={styles.page}>
        <PageFrame
          headerText={`${data.region} · Actielijst`}
          documentId={data.documentId}
          contentHash={contentHash}
          footerNote={data.audience ? `voor ${data.audience.name}` : undefined}
          pageHeight={LANDSCAPE_PAGE_HEIGHT}
        />
        <Text style={styles.title}>Actielijst</Text>
        <Text style={styles.subtitle}>
          {data.scopeLabel} · {data.region} · opgesteld {formatDutchDateTime(data.generatedAt)}
        </Text>
        {data.audience && <Text style={styles.banner}>Versie voor {data.audience.name}.</Text>}
        <ActionTable actions={data.actions} withCase />
      </Page>
    </Document>
  );
}
