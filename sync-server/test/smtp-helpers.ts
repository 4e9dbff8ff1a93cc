/**
 * A real SMTP server (smtp-server) for digest tests, with a certificate made in the test:
 * it records what it receives and who logged in.
 */
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** The fictional SMTP password the test server accepts for the user `digest-user`. */
export const smtpPassword = 'fictief-smtp-wachtwoord';

/** A self-signed certificate for 127.0.0.1/localhost, made for this test. */
export function testCertificate(): { key: string; cert: string } {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3_600_000);
  const name = [{ name: 'commonName', value: 'localhost' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'basicConstraints', cA: true }, { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

export interface Delivered { to: string[]; raw: string; secure: boolean; user: string | undefined }

/** A real SMTP server on a free port that records what it receives and who logged in. */
export async function startSmtp(options: Partial<SMTPServerOptions>): Promise<{ port: number; delivered: Delivered[]; logins: string[]; close(): Promise<void> }> {
  const delivered: Delivered[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    logger: false,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? '');
      if (auth.username === 'digest-user' && auth.password === smtpPassword) callback(null, { user: auth.username });
      else callback(new Error('invalid credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        delivered.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8'), secure: session.secure, user: session.user as string | undefined });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, delivered, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Quoted-printable and soft line breaks undone, so a phrase split over lines is still found. */
export function decoded(raw: string): string {
  return raw.replace(/=\r?\n/gu, '').replace(/=([0-9A-F]{2})/gu, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

