/** Document information shared by the Info dictionary and the XMP packet. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
}

/** Values every document carries. */
export const PDF_CREATOR = 'Themakamer';
export const PDF_PRODUCER = 'Themakamer (react-pdf/pdfkit)';
export const PDF_LANGUAGE = 'nl-NL';
/** The PDF/A level aimed at; see README.md for what is and is not met. */
export const PDF_CONFORMANCE = 'PDF/A-2b';

/**
 * pdfkit copies these strings unescaped into the XMP packet (XML), so characters
 * with a meaning in XML are replaced; Info and XMP stay identical, as PDF/A wants.
 */
export function metadataText(value: string): string {
  return value.replace(/&/g, '+').replace(/[<>"]/g, '').replace(/\s+/g, ' ').trim();
}

/** Applies `metadataText` to every field. */
export function safeMetadata(meta: PdfMetadata): PdfMetadata {
  return {
    title: metadataText(meta.title),
    author: metadataText(meta.author),
    subject: metadataText(meta.subject),
    keywords: metadataText(meta.keywords),
  };
}
