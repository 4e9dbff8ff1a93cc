/**
 * The shape every IPC request must have before a handler sees it. A renderer is
 * untrusted input: sizes are bounded, unknown keys refused, strings limited.
 */
import { z } from 'zod';
import type { Channel, Request } from '../contract';
import { MAX_EXTERNAL_URL_LENGTH } from './external-links';

/** Largest file the renderer may hand over for saving (a long minutes PDF is a few MB). */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024;
/** Largest PDF accepted for signing. */
export const MAX_SIGN_PDF_BYTES = 50 * 1024 * 1024;
/** A PKCS#12 file with a few certificates is a few KB; this leaves ample room. */
export const MAX_P12_BYTES = 256 * 1024;
/** A vault key is 32 bytes; its wrapped form adds a small header and tag. */
export const MAX_KEY_BYTES = 64;
/** Upper bound for a safeStorage blob of a 32-byte key. */
export const MAX_WRAPPED_KEY_BYTES = 1024;

function bytes(min: number, max: number) {
  return z.instanceof(Uint8Array).refine((value) => value.byteLength >= min && value.byteLength <= max, {
    message: `byte length must be ${min}..${max}`,
  });
}

/** One zod schema per channel; the mapped type keeps them in step with the contract. */
export const requestSchemas: { [C in Channel]: z.ZodType<Request<C>> } = {
  'app-info': z.undefined(),
  'file-save': z.strictObject({
    suggestedName: z.string().min(1).max(200),
    mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+(;\s*charset=[a-z0-9-]+)?$/i).max(100),
    data: bytes(0, MAX_SAVE_BYTES),
  }),
  'pdf-sign': z.strictObject({
    pdf: bytes(1, MAX_SIGN_PDF_BYTES),
    p12: bytes(1, MAX_P12_BYTES),
    passphrase: z.string().max(1024),
    reason: z.string().min(1).max(300),
    location: z.string().max(200),
    signerName: z.string().min(1).max(200),
    signingTime: z.iso.datetime({ offset: true }),
  }),
  'link-open': z.string().min(1).max(MAX_EXTERNAL_URL_LENGTH),
  'key-wrap': bytes(16, MAX_KEY_BYTES),
  'key-unwrap': bytes(1, MAX_WRAPPED_KEY_BYTES),
  // The server is compared with the configured one by the handler; here only its shape.
  'oidc-sign-in': z.strictObject({
    serverUrl: z.url({ protocol: /^https?$/ }).max(300),
    org: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
  }),
  'oidc-cancel': z.undefined(),
};
