#!/usr/bin/env node
// Renders the app icon (an SVG kept here) to PNGs with the Debian Chromium:
// assets/icon.png (1024, macOS/dmg source) and assets/icons/<n>x<n>.png (Linux set,
// 256 for Windows). Re-run after changing the drawing: `node scripts/generate-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

// A round table with six seats: partners around one case. Drawn on a 1024 grid with
// a 10% margin, as macOS expects; shapes stay bold enough to read at 16 px.
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1b6f86"/>
      <stop offset="1" stop-color="#0e4354"/>
    </linearGradient>
  </defs>
  <rect x="100" y="100" width="824" height="824" rx="184" fill="url(#bg)"/>
  <circle cx="512" cy="512" r="180" fill="#f4f1ea"/>
  <circle cx="512" cy="512" r="92" fill="#f2a541"/>
  ${[0, 60, 120, 180, 240, 300]
    .map((angle) => {
      const rad = ((angle - 90) * Math.PI) / 180;
      const x = 512 + 290 * Math.cos(rad);
      const y = 512 + 290 * Math.sin(rad);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="66" fill="#f4f1ea"/>`;
    })
    .join('\n  ')}
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  mkdirSync('assets/icons', { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(`assets/icons/${size}x${size}.png`, png);
    if (size === 1024) writeFileSync('assets/icon.png', png);
  }
  writeFileSync('assets/icon.svg', `${svg}\n`);
  console.log(`icons written: assets/icon.png, assets/icon.svg, assets/icons/{${SIZES.join(',')}}`);
} finally {
  await browser.close();
}
