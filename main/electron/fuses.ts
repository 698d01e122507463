// Electron's fuses: switches compiled into the Electron binary, flipped in the packaged app so that a
// copy of Weft cannot be turned into a general-purpose Node (RUN_AS_NODE, NODE_OPTIONS, --inspect) or
// made to run code other than its own signed app.asar. Applied by the electron-builder afterPack hook
// (after-pack.ts → dist/electron/after-pack.cjs) through electron-builder's own fuse support, which
// takes these names (the same as electron-builder.yml's `electronFuses`). Development runs of the
// stock `electron` binary keep its defaults, which is what lets Playwright attach to it.

/** The fuse settings of the packaged app. */
export const FUSES = {
  /** ELECTRON_RUN_AS_NODE would make the app binary a Node interpreter for anyone. */
  runAsNode: false,
  /** Cookies (the editor keeps none, but Chromium's own may hold state) encrypted with the OS key. */
  enableCookieEncryption: true,
  /** NODE_OPTIONS could preload code into main. */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect / --inspect-brk would open a debugger on main. */
  enableNodeCliInspectArguments: false,
  /** Refuse an app.asar whose hash differs from the one recorded at packaging (macOS, Windows). */
  enableEmbeddedAsarIntegrityValidation: true,
  /** Load the app from app.asar only, never from a loose `app/` folder placed beside it. */
  onlyLoadAppFromAsar: true,
  /** No separate V8 snapshot for the browser process: Weft ships none. */
  loadBrowserProcessSpecificV8Snapshot: false,
  /** file:// gets no extra privileges: the editor is served over weft:// (protocol.ts). */
  grantFileProtocolExtraPrivileges: false,
} as const;

export type FuseSettings = typeof FUSES;

/** The part of electron-builder's AfterPackContext the hook uses. */
export interface AfterPackContext {
  readonly electronPlatformName: string;
  readonly packager: {
    generateFuseConfig?(fuses: FuseSettings & { resetAdHocDarwinSignature?: boolean }): unknown;
    addElectronFuses?(context: AfterPackContext, fuseConfig: unknown): Promise<unknown>;
  };
}

/** The settings passed for a platform: macOS also re-signs ad hoc, or the changed binary will not start. */
export function fuseSettingsFor(platform: string): FuseSettings & { resetAdHocDarwinSignature: boolean } {
  return { ...FUSES, resetAdHocDarwinSignature: platform === 'darwin' };
}

/** The afterPack hook: flips the fuses of the packed app's Electron binary before it is signed. */
export async function applyFuses(context: AfterPackContext): Promise<void> {
  const { packager } = context;
  if (typeof packager.generateFuseConfig !== 'function' || typeof packager.addElectronFuses !== 'function') {
    throw new Error('flipping Electron fuses needs electron-builder 26 or later (packager.addElectronFuses)');
  }
  const config = await packager.generateFuseConfig(fuseSettingsFor(context.electronPlatformName));
  await packager.addElectronFuses(context, config);
}
