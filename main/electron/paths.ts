// Where the desktop app's files are. Everything is found relative to the main bundle
// (dist/electron/main.js; the backend process's backend.js is beside it), in a checkout and inside
// app.asar alike, except two things that live outside the archive once packaged: the bundled plugins
// (electron-builder.yml's extraResources), copied as plain files, and the plugin runner's scripts
// (asarUnpack), which a runner process loads as ES modules by path and so must be real files.
import { join, sep } from 'node:path';

export interface AppPaths {
  /** The sandboxed preload script, a single CommonJS file. */
  readonly preload: string;
  /** The built editor (index.html and its assets). */
  readonly rendererDir: string;
  /** Plugins copied into a new plugins folder. */
  readonly bundledPluginsDir: string;
  /** The checkout the bundle was built in (meaningful in development only). */
  readonly checkout: string;
  /** The plugin runner's entry script (child.mjs, with its sibling modules). */
  readonly runnerScript: string;
  /** The backend process's entry (main/backend/process.ts, bundled). */
  readonly backendScript: string;
}

/** The same path in the unpacked twin of app.asar (where asarUnpack puts files). */
export function unpackedPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

export function appPaths(options: { bundleDir: string; packaged: boolean; resourcesPath: string }): AppPaths {
  const { bundleDir } = options;
  return {
    preload: join(bundleDir, 'preload.cjs'),
    rendererDir: join(bundleDir, '..', 'renderer'),
    bundledPluginsDir: options.packaged
      ? join(options.resourcesPath, 'plugins')
      : join(bundleDir, '..', '..', 'plugins', 'examples'),
    checkout: join(bundleDir, '..', '..'),
    runnerScript: join(options.packaged ? unpackedPath(bundleDir) : bundleDir, 'child.mjs'),
    // Inside app.asar like main.js, so that its packages resolve from the archive's node_modules as
    // main.js's do (a utility process reads asar as main does).
    backendScript: join(bundleDir, 'backend.js'),
  };
}
