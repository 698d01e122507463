import { describe, expect, it, vi } from 'vitest';
import applyFusesHook from './after-pack.js';
import { applyFuses, FUSES, fuseSettingsFor, type AfterPackContext } from './fuses.js';

describe('FUSES', () => {
  it('turns off Node entry points and turns on cookie encryption and asar checks', () => {
    expect(FUSES).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('re-signs ad hoc on macOS only', () => {
    expect(fuseSettingsFor('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseSettingsFor('linux').resetAdHocDarwinSignature).toBe(false);
    expect(fuseSettingsFor('win32')).toMatchObject(FUSES);
  });
});

describe('the afterPack hook', () => {
  it('is the default export electron-builder calls', () => {
    expect(applyFusesHook).toBe(applyFuses);
  });

  it('flips the fuses through electron-builder’s packager', async () => {
    const generateFuseConfig = vi.fn((fuses: object) => ({ generated: fuses }));
    const addElectronFuses = vi.fn(async () => 1);
    const context: AfterPackContext = {
      electronPlatformName: 'linux',
      packager: { generateFuseConfig, addElectronFuses },
    };
    await applyFuses(context);
    expect(generateFuseConfig).toHaveBeenCalledWith({ ...FUSES, resetAdHocDarwinSignature: false });
    expect(addElectronFuses).toHaveBeenCalledWith(context, {
      generated: { ...FUSES, resetAdHocDarwinSignature: false },
    });
  });

  it('fails the build rather than ship without fuses on an electron-builder that cannot flip them', async () => {
    await expect(applyFuses({ electronPlatformName: 'linux', packager: {} })).rejects.toThrow(
      /electron-builder 26/,
    );
  });
});
