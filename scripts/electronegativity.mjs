#!/usr/bin/env node
// `npm run test:security`: @doyensec/electronegativity over the desktop shell, offline.
// Scans the main/preload TypeScript sources, the built bundles (out/main, out/preload)
// and the built renderer page, then fails on any HIGH or MEDIUM finding that is not
// justified in electron/electronegativity-allowlist.json (check id + file + reason),
// and on allow-list entries that no longer match anything (so the list stays reviewed).
// Run `npm run build` first; `npm test` does. Its parser predates optional chaining, so
// the bundles are lowered to ES2019 with TypeScript before the scan (same code, older syntax).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const allowListPath = join(root, 'electron/electronegativity-allowlist.json');
const ELECTRON_VERSION = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const FAIL_SEVERITIES = new Set(['HIGH', 'MEDIUM']);
// Fetches Electron's release list from GitHub: network, slow, and not about our code.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function fail(message) {
  console.error(`✗ electronegativity: ${message}`);
  process.exit(1);
}

// electronegativity fetches translations and release data with `got`; answer offline at once.
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const requireFromTool = createRequire(join(packageDir, 'dist/index.js'));
const gotPath = requireFromTool.resolve('got');
const offline = () => Promise.reject(new Error('offline by design'));
offline.head = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
process.env.LANG = 'en-US';

/** What gets scanned, copied into one directory so paths in the report are stable. */
function stage() {
  const needed = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
  for (const file of needed) {
    if (!existsSync(join(root, file))) fail(`${file} is missing: run \`npm run build\` first.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'themakamer-electronegativity-'));
  for (const file of needed) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    if (!file.endsWith('.html')) {
      const lowered = ts.transpileModule(readFileSync(join(root, file), 'utf8'), {
        fileName: file,
        compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.ESNext, allowJs: true },
      });
      writeFileSync(join(dir, file), lowered.outputText);
    } else {
      cpSync(join(root, file), join(dir, file));
    }
  }
  const sources = (sub) =>
    readdirSync(join(root, sub), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.split(sep).includes('test'))
      .map((name) => join(sub, name));
  for (const file of [...sources('electron/main'), ...sources('electron/preload'), 'electron/contract.ts']) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  return dir;
}

function readAllowList() {
  let entries;
  try {
    entries = JSON.parse(readFileSync(allowListPath, 'utf8'));
  } catch (error) {
    fail(`cannot read ${relative(root, allowListPath)}: ${error.message}`);
  }
  if (!Array.isArray(entries)) fail('the allow-list must be a JSON array');
  for (const [index, entry] of entries.entries()) {
    const ok = entry && typeof entry.check === 'string' && typeof entry.file === 'string' && typeof entry.reason === 'string' && entry.reason.trim().length >= 20;
    if (!ok) fail(`allow-list entry ${index} needs "check", "file" and a real "reason" (20+ characters)`);
  }
  return entries;
}

const started = Date.now();
const allowList = readAllowList();
const dir = stage();
let result;
const log = console.log;
try {
  // The tool talks on stdout (translation and release notices); the summary below is ours.
  console.log = () => {};
  const run = requireFromTool('./runner.js');
  result = await run({
    input: dir,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: ELECTRON_VERSION,
    parserPlugins: [],
  });
} finally {
  console.log = log;
  rmSync(dir, { recursive: true, force: true });
}

const parseErrors = result.errors.filter((error) => !error.tolerable);
if (parseErrors.length > 0) {
  const detail = parseErrors.map((error) => `${relative(dir, error.file)} (${error.message})`).join('; ');
  fail(`could not parse ${detail}: the scan would be incomplete`);
}

const findings = result.issues.map((issue) => ({
  check: issue.id,
  file: issue.file === 'N/A' ? 'N/A' : issue.file.split(sep).join('/'),
  line: issue.location?.line ?? 0,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  description: issue.description,
}));
const counted = new Map();
for (const finding of findings) counted.set(finding.severity, (counted.get(finding.severity) ?? 0) + 1);

const used = new Set();
const blocking = [];
for (const finding of findings.filter((f) => FAIL_SEVERITIES.has(f.severity))) {
  const index = allowList.findIndex((entry) => entry.check === finding.check && entry.file === finding.file);
  if (index === -1) blocking.push(finding);
  else used.add(index);
}
const stale = allowList.filter((_, index) => !used.has(index));

console.log(`electronegativity ${JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version}, Electron ${ELECTRON_VERSION}: `
  + `${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings `
  + `(${['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].map((s) => `${s} ${counted.get(s) ?? 0}`).join(', ')}), `
  + `${used.size} HIGH/MEDIUM justified in the allow-list, ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const finding of findings.filter((f) => !FAIL_SEVERITIES.has(f.severity))) {
  console.log(`  note  ${finding.severity.padEnd(13)} ${finding.check} ${finding.file}:${finding.line}`);
}
for (const [index, entry] of allowList.entries()) {
  if (used.has(index)) console.log(`  allowed ${entry.check} ${entry.file}: ${entry.reason}`);
}
if (blocking.length > 0 || stale.length > 0) {
  for (const finding of blocking) {
    console.log(`  ✗ ${finding.severity} ${finding.check} ${finding.file}:${finding.line} — ${finding.description}`);
  }
  for (const entry of stale) console.log(`  ✗ stale allow-list entry (matches nothing): ${entry.check} ${entry.file}`);
  fail(`${blocking.length} unjustified HIGH/MEDIUM finding(s), ${stale.length} stale allow-list entr${stale.length === 1 ? 'y' : 'ies'}`);
}
console.log('✓ electronegativity: no unjustified HIGH or MEDIUM findings');
