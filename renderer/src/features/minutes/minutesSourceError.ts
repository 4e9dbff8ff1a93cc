/**
 * Why minutes could not be assembled. `message` carries codes and ids only (it may be
 * logged); `userMessage` is the Dutch sentence the UI or CLI shows, saying what to do next.
 */

/** Stable reasons for {@link MinutesSourceError}. */
export type MinutesSourceErrorCode =
  | 'meeting-unreadable'
  | 'not-approved'
  | 'no-frozen-copy'
  | 'case-missing'
  | 'no-access'
  | 'server'
  | 'offline';

const userMessages: Record<MinutesSourceErrorCode, string> = {
  'meeting-unreadable': 'De gegevens van dit overleg zijn onvolledig of beschadigd. Open het overleg opnieuw of neem contact op met de beheerder.',
  'not-approved': 'Dit verslag is nog niet vastgesteld. Laat de voorzitter het verslag eerst vaststellen.',
  'no-frozen-copy': 'Van dit overleg is geen vastgestelde versie bewaard. Laat de voorzitter het verslag (opnieuw) vaststellen.',
  'case-missing': 'Niet alle casussen van de agenda zijn beschikbaar. Vraag de procesregisseur om toegang tot alle besproken casussen.',
  'no-access': 'U hebt geen toegang tot (een deel van) dit overleg. Vraag de procesregisseur om toegang.',
  server: 'De server kon het verslag niet leveren. Probeer het over enkele minuten opnieuw.',
  offline: 'Er is geen verbinding met de server. Controleer de verbinding en probeer het opnieuw.',
};

/** Minutes could not be assembled from the documents; nothing was exported. */
export class MinutesSourceError extends Error {
  override readonly name = 'MinutesSourceError';
  /** The Dutch explanation for people. */
  readonly userMessage: string;
  constructor(readonly code: MinutesSourceErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.userMessage = userMessages[code];
  }
}
