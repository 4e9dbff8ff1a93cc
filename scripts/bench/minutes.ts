// Benchmark: render a 30-page minutes PDF and sign it (issue 6: target ≤ 2 s).
// Usage: npm run bench:minutes [-- --runs 7]
// Reports the first (cold) run separately and the median of the warm runs.
import { FONT_FILES, preloadFonts, registerFonts } from '../../renderer/src/pdf/fonts';
import type { MinutesData, RichBlock } from '../../renderer/src/pdf/model';
import { renderMinutesPdf } from '../../renderer/src/pdf/render';
import { signPdf } from '../../renderer/src/pdf/sign';
import { makeTestP12 } from '../../renderer/src/pdf/testing/certificates';
import { fictionalMinutes } from '../../renderer/src/pdf/testing/fixtures';

const TARGET_MS = 2000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

/** A heavy but realistic meeting: 13 cases with long notes, about 30 pages (fictional text). */
function benchMinutes(): MinutesData {
  const data = fictionalMinutes(13);
  const filler: RichBlock = {
    kind: 'paragraph',
    runs: [
      {
        text:
          'Toelichting (fictief): de partners bespreken de ontwikkelingen sinds het vorige overleg, de naleving ' +
          'van de voorwaarden en de signalen die betrokkene heeft gemeld via de stalking-app. Afgesproken is dat ' +
          'elke partner nieuwe informatie direct deelt met de procesregisseur, zodat het risicobeeld actueel blijft.',
      },
    ],
  };
  for (const item of data.items) item.notes.push(filler, filler, filler);
  return data;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function countPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page(?![a-z])/g) ?? []).length;
}

async function once(data: MinutesData, p12: Uint8Array) {
  const signingTime = new Date().toISOString();
  const start = performance.now();
  const pdf = await renderMinutesPdf(data, {
    signature: { signerName: 'Ruud van IJzendoorn', role: 'Secretaris', organisation: 'ZVH', location: 'Rotterdam', signingTime },
  });
  const rendered = performance.now();
  const signed = await signPdf({
    pdf, p12, passphrase: 'bench', reason: 'Vastgesteld verslag', location: 'Rotterdam',
    signerName: 'Ruud van IJzendoorn', signingTime,
  });
  const done = performance.now();
  return { render: rendered - start, sign: done - rendered, total: done - start, pages: countPages(pdf), bytes: signed.length };
}

async function main() {
  const fontDir = new URL('../../assets/fonts/', import.meta.url);
  registerFonts({
    regular: new URL(FONT_FILES.regular, fontDir).pathname,
    bold: new URL(FONT_FILES.bold, fontDir).pathname,
    italic: new URL(FONT_FILES.italic, fontDir).pathname,
  });
  const p12 = makeTestP12({ passphrase: 'bench' });
  const data = benchMinutes();

  // What the app does when the export dialog opens; timed on its own.
  const preloadStart = performance.now();
  await preloadFonts();
  const preload = performance.now() - preloadStart;

  const first = await once(data, p12);
  const warm = [];
  for (let run = 0; run < RUNS; run += 1) warm.push(await once(data, p12));

  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(`minutes: ${first.pages} pages, ${(first.bytes / 1024).toFixed(0)} KiB signed, ${RUNS} warm runs`);
  console.log(`font preload (once per process): ${fmt(preload)}`);
  console.log(`first run (cold): render ${fmt(first.render)}, sign ${fmt(first.sign)}, total ${fmt(first.total)}`);
  const medians = {
    render: median(warm.map((r) => r.render)),
    sign: median(warm.map((r) => r.sign)),
    total: median(warm.map((r) => r.total)),
  };
  console.log(`median (warm):    render ${fmt(medians.render)}, sign ${fmt(medians.sign)}, total ${fmt(medians.total)}`);
  console.log(`target ≤ ${TARGET_MS} ms render+sign: ${medians.total <= TARGET_MS ? 'met' : 'NOT met'} (warm), ${first.total <= TARGET_MS ? 'met' : 'NOT met'} (cold)`);
  console.log(JSON.stringify({ bench: 'minutes', pages: first.pages, runs: RUNS, preload, first, medians }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
