import { pdf, type DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { ActionListDocument } from './ActionListDocument';
import { contentHash } from './contentHash';
import { withoutNeverExport } from './exportFilter';
import { fontsRegistered } from './fonts';
import type { ActionListData, MinutesData, SignatureBlockInfo } from './model';
import { parseActionListData, parseMinutesData } from './modelSchema';
import { MinutesDocument } from './MinutesDocument';
import { MonitorDocument, type MonitorPdfData } from './MonitorDocument';
import { assertSignable } from './signErrors';

/** Options for rendering the minutes. */
export interface MinutesRenderOptions {
  /** The creation date in the metadata; defaults to now. */
  creationDate?: Date;
  /** Fills in the visible signature block; only for approved minutes. */
  signature?: SignatureBlockInfo;
}

/** The hash printed in the footer of the minutes: over exactly what is printed. */
export function minutesContentHash(data: MinutesData): string {
  return contentHash(withoutNeverExport(parseMinutesData(data)));
}

async function toBytes(document: ReactElement<DocumentProps>): Promise<Uint8Array> {
  if (!fontsRegistered()) {
    // Helvetica would silently drop "ĳ"; refuse instead.
    throw new Error('fonts not registered: call registerFonts() before rendering a PDF');
  }
  const blob = await pdf(document).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Renders the minutes to PDF bytes (Node and browser). Validates the data first
 * (`PdfDataError`), and leaves out everything marked never-export.
 */
export async function renderMinutesPdf(data: MinutesData, options: MinutesRenderOptions = {}): Promise<Uint8Array> {
  const printed = withoutNeverExport(parseMinutesData(data));
  if (options.signature) assertSignable(printed);
  // Called as a function so that the root element handed to react-pdf is its <Document>.
  return toBytes(
    MinutesDocument({
      data: printed,
      contentHash: contentHash(printed),
      creationDate: options.creationDate ?? new Date(),
      signature: options.signature,
    }),
  );
}

/** Renders a stand-alone action list to PDF bytes (Node and browser). */
export async function renderActionListPdf(
  data: ActionListData,
  options: { creationDate?: Date } = {},
): Promise<Uint8Array> {
  const parsed = parseActionListData(data);
  return toBytes(
    ActionListDocument({ data: parsed, contentHash: contentHash(parsed), creationDate: options.creationDate ?? new Date() }),
  );
}

/** Renders the monitor (figures per period, then the improvement measures) to PDF bytes (Node and browser). */
export async function renderMonitorPdf(data: MonitorPdfData, options: { creationDate?: Date } = {}): Promise<Uint8Array> {
  return toBytes(MonitorDocument({ data, contentHash: contentHash(data), creationDate: options.creationDate ?? new Date() }));
}
