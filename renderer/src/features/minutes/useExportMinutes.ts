/**
 * State of the minutes export dialog: loading the minutes when it opens (the frozen copies
 * of the approval, or concept minutes from the open documents), then one export at a time
 * with its stage for the progress text.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingId } from '../../domain/ids';
import type { CanKnow } from '../../pdf/exportFilter';
import type { MinutesData } from '../../pdf/model';
import type { Api, SignErrorCode } from '../../platform';
import type { ExportStage, Signer } from './exportMinutes';
import { MinutesSourceError, type MinutesSourceErrorCode } from './minutesSourceError';
import type { MinutesServer } from './minutesServer';

/** Where the minutes come from. */
export interface MinutesOrigin {
  meetingId: MeetingId;
  /** The meeting's live status: approved minutes are read from the server's frozen copies. */
  status: 'concept' | 'vastgesteld';
  /** Concept minutes from the open documents (`minutesFromDocs`); needed while concept. */
  concept?: () => MinutesData | Promise<MinutesData>;
  server: MinutesServer;
  region: string;
}

/** The minutes once loaded. */
export type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; data: MinutesData; canKnow: CanKnow }
  | { kind: 'error'; code: MinutesSourceErrorCode };

/** One export run. */
export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; stage: ExportStage | 'preparing' }
  | { kind: 'done'; fileName: string; signed: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: SignErrorCode | 'bad-data' | 'unknown-org' | 'unreadable-file' | 'unexpected' }
  | { kind: 'not-reported'; retrying: boolean; reported: boolean };

/** What the user chose in the dialog. */
export interface ExportChoice {
  org: string | null;
  sign: null | { file: Blob; passphrase: string; signer: Signer; location: string };
}

const runtime = () => import('./exportRuntime');

function sourceCode(error: unknown): MinutesSourceErrorCode {
  return error instanceof MinutesSourceError ? error.code : 'server';
}

/** Loads the minutes while `open`, and runs exports with `api` (the platform's). */
export function useExportMinutes(origin: MinutesOrigin, open: boolean, api: Pick<Api, 'signPdf' | 'saveFile'>) {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const retryRef = useRef<(() => Promise<boolean>) | null>(null);
  const { meetingId, status, server, region } = origin;
  // The latest `concept` reader without reloading on every render of the parent (a new closure each time).
  const conceptRef = useRef(origin.concept);
  const serverRef = useRef(server);
  // Declared before the loading effect: effects run in order, so loading sees the latest.
  useEffect(() => {
    conceptRef.current = origin.concept;
    serverRef.current = server;
  });

  useEffect(() => {
    if (!open) return;
    const server = serverRef.current;
    const concept = conceptRef.current;
    let current = true;
    setLoad({ kind: 'loading' });
    setRun({ kind: 'idle' });
    void (async () => {
      try {
        const exports = await runtime();
        // Fonts load with the minutes, so the first export does not wait for them.
        const fonts = exports.ensureBrowserFonts();
        let loaded: { data: MinutesData; canKnow: CanKnow };
        if (status === 'vastgesteld') {
          loaded = await exports.loadApprovedMinutes(server, meetingId, region);
        } else {
          if (!concept) throw new MinutesSourceError('not-approved', meetingId);
          const data = await concept();
          loaded = { data, canKnow: await exports.loadNeedToKnow(server, data.items.map((item) => item.caseId)) };
        }
        await fonts;
        if (current) setLoad({ kind: 'ready', ...loaded });
      } catch (error) {
        if (current) setLoad({ kind: 'error', code: sourceCode(error) });
      }
    })();
    return () => {
      current = false;
    };
  }, [open, meetingId, status, region]);

  const start = useCallback(async (choice: ExportChoice) => {
    if (load.kind !== 'ready') return;
    setRun({ kind: 'running', stage: 'preparing' });
    let p12: Uint8Array | null = null;
    if (choice.sign) {
      try {
        p12 = new Uint8Array(await choice.sign.file.arrayBuffer());
      } catch {
        setRun({ kind: 'failed', code: 'unreadable-file' });
        return;
      }
    }
    try {
      const { exportMinutes } = await runtime();
      const outcome = await exportMinutes({
        meetingId, data: load.data, org: choice.org, canKnow: load.canKnow,
        sign: choice.sign && p12 ? { p12, passphrase: choice.sign.passphrase, signer: choice.sign.signer, location: choice.sign.location } : null,
      }, { api, server, onStage: (stage) => setRun({ kind: 'running', stage }) });
      if (outcome.kind === 'done') setRun({ kind: 'done', fileName: outcome.fileName, signed: outcome.signed });
      else if (outcome.kind === 'cancelled') setRun({ kind: 'cancelled' });
      else if (outcome.kind === 'failed') setRun({ kind: 'failed', code: outcome.code });
      else {
        retryRef.current = outcome.retry;
        setRun({ kind: 'not-reported', retrying: false, reported: false });
      }
    } catch {
      // Messages of unexpected errors may carry content: only the fact is shown.
      setRun({ kind: 'failed', code: 'unexpected' });
    }
  }, [load, meetingId, api, server]);

  const retryReport = useCallback(async () => {
    const retry = retryRef.current;
    if (!retry) return;
    setRun({ kind: 'not-reported', retrying: true, reported: false });
    const reported = await retry();
    setRun({ kind: 'not-reported', retrying: false, reported });
  }, []);

  return { load, run, start, retryReport };
}
