// Where the visible signature block sits, shared by the document (which draws it)
// and by signing (whose widget annotation must cover it). The block is on the
// last page of the minutes, a page of its own, at a fixed place.

/** A4 in PDF points. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;

/** The block in layout coordinates (origin top-left), as react-pdf styles use them. */
export const SIGNATURE_BOX = { left: 56, top: 300, width: 483.28, height: 170 } as const;

/** The same block as a PDF rectangle [x1, y1, x2, y2] (origin bottom-left) for the widget. */
export const SIGNATURE_RECT: [number, number, number, number] = [
  SIGNATURE_BOX.left,
  round2(PAGE_HEIGHT - SIGNATURE_BOX.top - SIGNATURE_BOX.height),
  round2(SIGNATURE_BOX.left + SIGNATURE_BOX.width),
  round2(PAGE_HEIGHT - SIGNATURE_BOX.top),
];

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
