/** The PDF is not one the signing code can update (damaged, encrypted, xref streams, already signed). */
export class PdfStructureError extends Error {
  override readonly name = 'PdfStructureError';
}
