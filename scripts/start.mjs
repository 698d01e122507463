#!/usr/bin/env node
// `npm start`: the desktop app when Electron can run on this machine, else the same editor in the
// browser (`weft serve`). The `electron` package installs without its binary and fetches it on first
// use; where that cannot happen (no network, an unsupported system) a new user still gets the editor
// instead of a stack trace. `--browser` asks for browser mode directly.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const wantsBrowser = process.argv.includes('--browser');

/** The Electron executable, found as the `electron` package finds it, without running its index.js. */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const binary = join(dir, 'dist', relative);
    accessSync(binary, constants.X_OK);
    return binary;
  } catch {
    return undefined;
  }
}

/** Runs a step with the terminal as its output; true when it exited 0. */
function step(args) {
  return spawnSync(node, args, { cwd: root, stdio: 'inherit' }).status === 0;
}

function startDesktop(binary) {
  if (!step(['scripts/native-abi.mjs', 'electron'])) return false;
  if (!step(['scripts/build.mjs']) || !step(['scripts/build-electron.mjs'])) process.exit(1);
  const app = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
  return true;
}

function startBrowser(why) {
  if (why) console.log(`weft: ${why}; starting the editor in browser mode instead (weft serve).`);
  if (!step(['scripts/build.mjs'])) process.exit(1);
  const serve = spawn(node, ['bin/weft.js', 'serve', ...process.argv.slice(2).filter((a) => a !== '--browser')], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  serve.stdout.setEncoding('utf8');
  serve.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = /Weft listening on (\S+)/.exec(chunk)?.[1];
    if (url !== undefined) openInBrowser(url);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => serve.kill(signal));
  serve.on('exit', (code) => process.exit(code ?? 0));
}

function lastLine(text) {
  return (text ?? '').trim().split('\n').filter((line) => /error|failed/i.test(line))[0]?.trim() ?? '';
}

/** Best effort: a machine without a desktop simply keeps the printed URL. */
function openInBrowser(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`weft: open ${url} in your browser`));
  child.unref();
}

if (wantsBrowser) {
  startBrowser();
} else {
  let binary = electronBinary();
  let why = 'the Electron binary is not available here';
  if (binary === undefined) {
    // The package's installer fetches the binary for this platform; it fails without network access.
    console.log('weft: fetching the Electron binary (once)…');
    const fetched = spawnSync(node, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, encoding: 'utf8' });
    if (fetched.status === 0) binary = electronBinary();
    else why = `the Electron binary could not be fetched (${lastLine(fetched.stderr) || 'no reason given'})`;
  }
  if (binary === undefined) startBrowser(why);
  else if (!startDesktop(binary)) startBrowser('better-sqlite3 could not be built for Electron here');
}
