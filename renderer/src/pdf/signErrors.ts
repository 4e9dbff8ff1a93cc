import type { MinutesData } from './model';

import type { SignErrorCode } from '../../../electron/contract';

/** Why signing was refused: the codes of the IPC contract, shared by desktop and web. */
export type { SignErrorCode };

/** A signing failure with a code the UI maps to a Dutch message; `message` holds no personal data. */
export class SignError extends Error {
  override readonly name = 'SignError';
  constructor(
    readonly code: SignErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** Whether a value is a `SignError` (also across module copies). */
export function isSignError(value: unknown): value is SignError {
  return value instanceof SignError || (value instanceof Error && value.name === 'SignError' && 'code' in value);
}

const messages: Record<SignErrorCode, { nl: string; en: string }> = {
  'bad-passphrase': {
    nl: 'Het wachtwoord van het certificaat klopt niet. Controleer het wachtwoord en probeer het opnieuw.',
    en: 'The certificate passphrase is wrong. Check it and try again.',
  },
  'not-pkcs12': {
    nl: 'Dit bestand is geen geldig PKCS#12-certificaat (.p12 of .pfx). Kies het certificaatbestand dat u van uw organisatie kreeg.',
    en: 'This file is not a valid PKCS#12 certificate (.p12 or .pfx). Choose the certificate file your organisation gave you.',
  },
  'expired-certificate': {
    nl: 'Het certificaat is verlopen. Vraag uw organisatie om een nieuw certificaat.',
    en: 'The certificate has expired. Ask your organisation for a new certificate.',
  },
  'not-yet-valid-certificate': {
    nl: 'Het certificaat is nog niet geldig. Controleer de datum en tijd van deze computer of gebruik een ander certificaat.',
    en: 'The certificate is not valid yet. Check this computer’s date and time or use another certificate.',
  },
  'no-signing-key-usage': {
    nl: 'Dit certificaat mag niet worden gebruikt om documenten te ondertekenen. Kies een ondertekeningscertificaat.',
    en: 'This certificate may not be used to sign documents. Choose a signing certificate.',
  },
  'no-private-key': {
    nl: 'Het certificaatbestand bevat geen privésleutel die bij het certificaat hoort. Kies het volledige .p12-bestand.',
    en: 'The certificate file holds no private key that belongs to the certificate. Choose the complete .p12 file.',
  },
  'bad-pdf': {
    nl: 'Het PDF-bestand kan niet worden ondertekend (beschadigd of al ondertekend). Maak het verslag opnieuw aan.',
    en: 'The PDF cannot be signed (damaged or already signed). Create the minutes again.',
  },
  failed: {
    nl: 'Ondertekenen is mislukt. Er is niets opgeslagen. Probeer het opnieuw of neem contact op met de beheerder.',
    en: 'Signing failed. Nothing was saved. Try again or contact the administrator.',
  },
  'not-approved': {
    nl: 'Alleen een vastgesteld verslag kan worden ondertekend. Laat de voorzitter het verslag eerst vaststellen.',
    en: 'Only approved minutes can be signed. Ask the chair to approve the minutes first.',
  },
};

/** The message for a signing error code, Dutch by default. */
export function signErrorMessage(code: SignErrorCode, lang: 'nl' | 'en' = 'nl'): string {
  return messages[code][lang];
}

/** Refuses concept minutes: only minutes in status vastgesteld may be signed. */
export function assertSignable(data: Pick<MinutesData, 'status' | 'approvedAt'>): void {
  if (data.status !== 'vastgesteld' || data.approvedAt === null) {
    throw new SignError('not-approved', 'minutes are not in status vastgesteld');
  }
}
