// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Text, View } from '@react-pdf/renderer';
import { styles } from './styles';

/** What the header and footer of every page state. */
export interface FrameInfo {
  /** Right side of the header, e.g. region, meeting and date. */
  headerText: string;
  documentId: string;
  contentHash: string;
  /** Extra footer line, e.g. the version. */
  footerNote?: string;
}

/** "Vertrouwelijk" header and the footer with ids and "Pagina x van y", repeated on every page. */
export function PageFrame({ headerText, documentId, contentHash, footerNote }: FrameInfo) {
  return (
    <>
      <View style={styles.header} fixed>
        <Text style={styles.confidential}>VERTROUWELIJK</Text>
        <Text style={styles.headerRight}>{headerText}</Text>
      </View>
      <View style={styles.footer} fixed>
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
