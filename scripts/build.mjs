#!/usr/bin/env node
// Bundles the Node entry points into dist/ with esbuild, and the renderer (the editor UI) into
// dist/renderer/ with vite (vite.config.ts). Runs as `npm run build`, before `npm test` and as the
// `prepare` script, so that `npx weft` works right after `npm install` in a fresh checkout.
// Packages stay external (they are in node_modules); only our TypeScript is bundled. An entry whose
// source does not exist yet is skipped, so the build never blocks on work in progress.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Source (from the repo root) -> output (under dist/, without extension). */
const entries = [
  { in: 'main/cli/weft.ts', out: 'cli/weft' },
  { in: 'bench/engine.bench.ts', out: 'bench/engine.bench' },
  { in: 'bench/store.bench.ts', out: 'bench/store.bench' },
  { in: 'bench/plugins.bench.ts', out: 'bench/plugins.bench' },
  // Loaded by bench/peers-runner.cjs, Weft's runner for ../shared/bench-peers.
  { in: 'bench/peers-engine.ts', out: 'bench/peers-engine' },
  // The editor's UI benchmark (npm run bench:ui): drives weft serve in Chromium with Playwright.
  { in: 'bench/ui/ui.bench.ts', out: 'bench/ui.bench' },
];

const started = performance.now();
const present = entries.filter((e) => existsSync(join(root, e.in)));
const missing = entries.filter((e) => !present.includes(e));

if (present.length > 0) {
  await build({
    absWorkingDir: root,
    entryPoints: present.map((e) => ({ in: e.in, out: e.out })),
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    packages: 'external',
    logLevel: 'warning',
    // Bundled ESM has no `require`; a dependency that still calls it gets one.
    banner: {
      js: "import { createRequire as __weftCreateRequire } from 'node:module';\nconst require = __weftCreateRequire(import.meta.url);",
    },
  });
}

// The plugin runner's child script is plain JavaScript that the host forks by path, found with
// `new URL('./child.mjs', import.meta.url)`: in a bundle that is beside the bundle, so every output
// folder gets a copy (an entry that does not include the runner just carries an unused file).
// child.mjs imports its sibling modules (./child-code.mjs) by relative path, so every .mjs file of
// the runner folder is copied, not child.mjs alone; test fixtures live in its testing/ subfolder,
// which is not copied.
const runnerDir = 'main/plugins/runner';
const runnerFiles = existsSync(join(root, runnerDir, 'child.mjs'))
  ? readdirSync(join(root, runnerDir), { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.mjs'))
      .map((entry) => entry.name)
  : [];
if (runnerFiles.length > 0) {
  for (const folder of new Set(present.map((e) => dirname(e.out)))) {
    mkdirSync(join(root, 'dist', folder), { recursive: true });
    for (const name of runnerFiles) copyFileSync(join(root, runnerDir, name), join(root, 'dist', folder, name));
  }
}

// The renderer: vite bundles renderer/index.html (React, React Flow) for the browser.
const rendererBuilt = existsSync(join(root, 'renderer', 'index.html'));
if (rendererBuilt) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

const ms = Math.round(performance.now() - started);
const outputs = present.map((e) => `dist/${e.out}.js`);
if (rendererBuilt) outputs.push('dist/renderer/');
const built = outputs.join(', ') || 'nothing';
const skipped = missing.length ? ` (skipped, no source yet: ${missing.map((e) => e.in).join(', ')})` : '';
console.log(`build: ${built} in ${ms} ms${skipped}`);
