#!/usr/bin/env node
// better-sqlite3 for Node and for Electron from one checkout (docs/desktop.md, "Native modules").
//
//   node scripts/native-abi.mjs node       the checkout's own build (node_modules/better-sqlite3) loads
//                                          in this Node: what `npm test` needs. Checked in a child
//                                          process (fast); repaired from the cache or rebuilt when not,
//                                          e.g. after electron-builder rebuilt it for Electron in place.
//   node scripts/native-abi.mjs electron   an Electron build in node_modules/.cache/weft-native/
//                                          electron-<version>-<platform>-<arch>/, made in a scratch copy
//                                          of the package so the checkout's Node build is never touched.
//                                          A development start (npm start) loads it in place of the
//                                          Node build (main/backend/dev-native.ts).
//   --force                                rebuild even when a build is there
//
// Builds come from prebuild-install (a prebuilt binary from better-sqlite3's releases) and fall back to
// node-gyp (compiling SQLite, which needs Python and a C++ toolchain; for Electron, its headers). Both
// need the internet; a build that was made once is kept in the cache, so switching needs none.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ELECTRON_HEADERS = 'https://electronjs.org/headers';
const BUILD_TIMEOUT_MS = 20 * 60_000;

const args = process.argv.slice(2);
const target = args.find((arg) => !arg.startsWith('--'));
const force = args.includes('--force');
// The checkout to work in (default: this script's); the script's own tests point it elsewhere.
const rootArg = args.find((arg) => arg.startsWith('--root='));
const root = rootArg ? rootArg.slice('--root='.length) : join(dirname(fileURLToPath(import.meta.url)), '..');

const modules = join(root, 'node_modules');
const packageDir = join(modules, 'better-sqlite3');
const addonPath = (dir) => join(dir, 'build', 'Release', 'better_sqlite3.node');
const cacheRoot = join(modules, '.cache', 'weft-native');
const arch = process.env.npm_config_arch || process.arch;

function say(message) {
  console.log(`native-abi: ${message}`);
}
/** A failure to report in one line (the tools' own output above says more). */
class NativeAbiError extends Error {}
function fail(message) {
  throw new NativeAbiError(message);
}

/** Runs a command with the terminal as its output; true when it exited 0. */
function run(command, commandArgs, cwd, env = process.env) {
  say(
    `${cwd === root ? '' : `(in ${cwd}) `}${[command === process.execPath ? 'node' : command, ...commandArgs].join(' ')}`,
  );
  const result = spawnSync(command, commandArgs, { cwd, env, stdio: 'inherit', timeout: BUILD_TIMEOUT_MS });
  if (result.error) say(`could not run it: ${result.error.message}`);
  return result.status === 0;
}

/** npm's own node-gyp (what `npm rebuild` would use), else one on PATH. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter((candidate) => candidate && existsSync(candidate));
  return candidates.length > 0
    ? { command: process.execPath, prefix: [candidates[0]] }
    : { command: 'node-gyp', prefix: [] };
}

/** Builds better-sqlite3 in `dir` for a runtime: a prebuilt binary if there is one, else from source. */
function build(dir, runtime, version) {
  const prebuild = join(modules, 'prebuild-install', 'bin.js');
  if (
    existsSync(prebuild) &&
    run(
      process.execPath,
      [
        prebuild,
        `--runtime=${runtime}`,
        `--target=${version}`,
        `--arch=${arch}`,
        `--platform=${process.platform}`,
      ],
      dir,
    )
  ) {
    return true;
  }
  say('no prebuilt binary could be fetched; compiling from source');
  const gyp = nodeGyp();
  const flags = [
    `--target=${version}`,
    `--arch=${arch}`,
    ...(runtime === 'electron' ? ['--runtime=electron', `--dist-url=${ELECTRON_HEADERS}`] : []),
  ];
  return run(gyp.command, [...gyp.prefix, 'rebuild', '--release', ...flags], dir);
}

function loadsInNode() {
  const probe = `const Database = require(${JSON.stringify(packageDir)}); new Database(':memory:').close();`;
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

function keep(file, cached) {
  mkdirSync(dirname(cached), { recursive: true });
  copyFileSync(file, cached);
}

function ensureNode() {
  const label = `Node ${process.versions.node} (ABI ${process.versions.modules})`;
  const cached = addonPath(join(cacheRoot, `node-${process.versions.modules}-${process.platform}-${arch}`));
  if (!force && loadsInNode()) {
    // Kept, so that a later repair (after an in-place Electron rebuild) is a copy, not a download.
    if (!existsSync(cached)) keep(addonPath(packageDir), cached);
    say(`better-sqlite3 is built for ${label}`);
    return;
  }
  // Whatever happens below must not leave less than there was.
  const previous = existsSync(addonPath(packageDir)) ? readFileSync(addonPath(packageDir)) : undefined;
  if (!force && existsSync(cached)) {
    mkdirSync(dirname(addonPath(packageDir)), { recursive: true });
    copyFileSync(cached, addonPath(packageDir));
    if (loadsInNode()) {
      say(`better-sqlite3 restored for ${label} from the cache`);
      return;
    }
  }
  if (!build(packageDir, 'node', process.versions.node) || !loadsInNode()) {
    if (previous !== undefined) {
      mkdirSync(dirname(addonPath(packageDir)), { recursive: true });
      writeFileSync(addonPath(packageDir), previous);
    }
    fail(
      `better-sqlite3 could not be built for ${label}; see the output above (it needs the internet, or Python and a C++ compiler)`,
    );
  }
  keep(addonPath(packageDir), cached);
  say(`better-sqlite3 rebuilt for ${label}`);
}

function ensureElectron() {
  const electronPackage = join(modules, 'electron', 'package.json');
  if (!existsSync(electronPackage)) fail('electron is not installed: run npm install');
  const version = JSON.parse(readFileSync(electronPackage, 'utf8')).version;
  const cached = join(cacheRoot, `electron-${version}-${process.platform}-${arch}`, 'better_sqlite3.node');
  if (!force && existsSync(cached)) {
    say(`better-sqlite3 for Electron ${version} is ready: ${cached}`);
    return;
  }
  const work = join(cacheRoot, 'work-electron');
  rmSync(work, { recursive: true, force: true });
  const skip = join(packageDir, 'build') + sep;
  cpSync(packageDir, work, { recursive: true, filter: (source) => !`${source}${sep}`.startsWith(skip) });
  try {
    if (!build(work, 'electron', version) || !existsSync(addonPath(work))) {
      fail(
        `better-sqlite3 could not be built for Electron ${version}; see the output above (it needs the internet)`,
      );
    }
    keep(addonPath(work), cached);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  say(`better-sqlite3 built for Electron ${version}: ${cached}`);
}

try {
  if (target === 'node') ensureNode();
  else if (target === 'electron') ensureElectron();
  else fail('usage: node scripts/native-abi.mjs node|electron [--force]');
} catch (error) {
  if (!(error instanceof NativeAbiError)) throw error;
  console.error(`native-abi: ${error.message}`);
  process.exitCode = 1;
}
