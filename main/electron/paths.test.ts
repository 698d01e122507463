import { describe, expect, it } from 'vitest';
import { appPaths, unpackedPath } from './paths.js';

describe('appPaths', () => {
  it('finds everything beside the bundle, and the bundled plugins in the checkout or the resources', () => {
    expect(appPaths({ bundleDir: '/repo/dist/electron', packaged: false, resourcesPath: '/x' })).toEqual({
      preload: '/repo/dist/electron/preload.cjs',
      rendererDir: '/repo/dist/renderer',
      bundledPluginsDir: '/repo/plugins/examples',
      checkout: '/repo',
      runnerScript: '/repo/dist/electron/child.mjs',
      backendScript: '/repo/dist/electron/backend.js',
    });
    expect(
      appPaths({
        bundleDir: '/opt/Weft/resources/app.asar/dist/electron',
        packaged: true,
        resourcesPath: '/opt/Weft/resources',
      }),
    ).toMatchObject({
      preload: '/opt/Weft/resources/app.asar/dist/electron/preload.cjs',
      rendererDir: '/opt/Weft/resources/app.asar/dist/renderer',
      bundledPluginsDir: '/opt/Weft/resources/plugins',
      runnerScript: '/opt/Weft/resources/app.asar.unpacked/dist/electron/child.mjs',
      backendScript: '/opt/Weft/resources/app.asar/dist/electron/backend.js',
    });
  });
});

describe('unpackedPath', () => {
  it('points into app.asar.unpacked, and leaves other paths alone', () => {
    expect(unpackedPath('/opt/Weft/resources/app.asar/dist/electron')).toBe(
      '/opt/Weft/resources/app.asar.unpacked/dist/electron',
    );
    expect(unpackedPath('/repo/dist/electron')).toBe('/repo/dist/electron');
    expect(unpackedPath('/home/me/app.asar.d/x')).toBe('/home/me/app.asar.d/x');
  });
});
