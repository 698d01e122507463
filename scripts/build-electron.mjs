#!/usr/bin/env node
// Bundles the desktop app with esbuild into dist/electron/ (the editor itself is built into
// dist/renderer/ by scripts/build.mjs):
//   main.js          the main process (main/electron/app.ts), an ES module; packages stay external,
//                    electron-builder ships them.
//   backend.js       the backend process (main/backend/process.ts), an ES module started by main as a
//                    utility process: store, plugins, API, runs. Built like main.js (better-sqlite3
//                    unpacked from app.asar). It must not import electron, and main.js must not import
//                    better-sqlite3: both are checked below.
//   preload.cjs      the preload (preload/index.ts): ONE CommonJS file whose only import is electron,
//                    because a sandboxed preload can neither load ES modules nor require other files.
//   child*.mjs       the plugin runner's scripts, beside main.js: its launcher finds child.mjs through
//                    import.meta.url, which in the bundle is main.js's own URL.
//   after-pack.cjs   electron-builder's afterPack hook (flips the fuses); not shipped in the app.
// `--outdir=DIR` builds elsewhere (main/electron/app.smoke.test.ts builds into a scratch folder).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdirArg = process.argv.slice(2).find((arg) => arg.startsWith('--outdir='));
const outdir = outdirArg ? resolve(outdirArg.slice('--outdir='.length)) : join(root, 'dist', 'electron');
const started = performance.now();
mkdirSync(outdir, { recursive: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'main/electron/app.ts', backend: 'main/backend/process.ts' },
    outdir,
    outExtension: { '.js': '.js' },
    platform: 'node',
    format: 'esm',
    // Electron 45's Node.
    target: 'node22',
    packages: 'external',
    // Bundled ESM has no `require`; a dependency that still calls it gets one.
    banner: {
      js: "import { createRequire as __weftCreateRequire } from 'node:module';\nconst require = __weftCreateRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: { preload: 'preload/index.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    // Electron 45's Chromium.
    target: 'chrome140',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: { 'after-pack': 'main/electron/after-pack.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: false,
  }),
]);

// A sandboxed preload's `require` knows electron and a few polyfilled built-ins, nothing else: refuse a
// bundle that would fail only at run time, in the window.
const preload = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
const foreign = required.filter((name) => name !== 'electron');
if (foreign.length > 0) {
  console.error(
    `build-electron: the preload bundle requires ${foreign.join(', ')}; a sandboxed preload may only require electron`,
  );
  process.exit(1);
}

// The split between the processes, as built: the backend runs without Electron's modules (the tests run
// it in plain Node), and main never loads the database (it would block the window).
/** The packages a bundle imports or requires, by name. */
function importsOf(file) {
  const text = readFileSync(join(outdir, file), 'utf8');
  const names = [
    ...text.matchAll(/\bfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(?\s*["']([^"']+)["']/g),
    ...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1]);
  return new Set(names);
}
const misplaced = [
  ['backend.js', 'electron'],
  ['main.js', 'better-sqlite3'],
].filter(([file, name]) => importsOf(file).has(name));
if (misplaced.length > 0) {
  for (const [file, name] of misplaced)
    console.error(`build-electron: ${file} imports ${name}, which belongs to the other process`);
  process.exit(1);
}

const runnerDir = join(root, 'main', 'plugins', 'runner');
const runnerFiles = readdirSync(runnerDir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.mjs'))
  .map((entry) => entry.name);
for (const name of runnerFiles) copyFileSync(join(runnerDir, name), join(outdir, name));

const ms = Math.round(performance.now() - started);
console.log(
  `build-electron: ${relative(root, outdir)}/{main.js, backend.js, preload.cjs (${preload.length} bytes), after-pack.cjs, ${runnerFiles.join(', ')}} in ${ms} ms`,
);
