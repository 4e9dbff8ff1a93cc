// Automatic JSX runtime even where a tool reads the root tsconfig (tsx scripts, CLIs).
/** @jsxRuntime automatic */
import { Text, View } from '@react-pdf/renderer';
import { formatDutchDateTime } from './dutchDates';
import { SIGNATURE_REASON, type MinutesData, type SignatureBlockInfo } from './model';
import { SIGNATURE_BOX } from './signatureLayout';
import { styles } from './styles';

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.metaRow}>
      <Text style={styles.metaLabel}>{label}</Text>
      <Text style={styles.metaValue}>{value}</Text>
    </View>
  );
}

/**
 * The content of the last page: the approval statement and the signature block at
 * the fixed place (SIGNATURE_BOX) that the signature widget covers.
 */
export function SignaturePageContent({ data, signature }: { data: MinutesData; signature?: SignatureBlockInfo }) {
  const approved = data.status === 'vastgesteld' && data.approvedAt !== null;
  const blank = '………………………………………………';
  return (
    <>
      <Text style={styles.h2}>Ondertekening</Text>
      {approved ? (
        <Text style={styles.paragraph}>
          Dit verslag (versie {data.version}) is vastgesteld op {formatDutchDateTime(data.approvedAt ?? data.start)} door{' '}
          {data.approvedBy}. De secretaris ondertekent het digitaal. Elke wijziging na ondertekening maakt de
          handtekening ongeldig; een gewijzigd verslag krijgt een nieuwe versie.
        </Text>
      ) : (
        <Text style={styles.paragraph}>
          Dit is een concept (versie {data.version}). Het verslag is nog niet vastgesteld en kan daarom niet worden
          ondertekend.
        </Text>
      )}
      <View
        style={[
          styles.signatureBox,
          { left: SIGNATURE_BOX.left, top: SIGNATURE_BOX.top, width: SIGNATURE_BOX.width, height: SIGNATURE_BOX.height },
        ]}
      >
        <Text style={styles.signatureTitle}>{signature ? 'Digitaal ondertekend' : 'Handtekening'}</Text>
        <Line label="Naam" value={signature?.signerName ?? blank} />
        <Line label="Rol" value={signature?.role ?? blank} />
        <Line label="Organisatie" value={signature?.organisation ?? blank} />
        <Line label="Reden" value={SIGNATURE_REASON} />
        <Line label="Plaats" value={signature?.location ?? blank} />
        <Line label="Tijdstip" value={signature ? formatDutchDateTime(signature.signingTime) : blank} />
      </View>
    </>
  );
}
