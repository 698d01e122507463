import { describe, expect, it } from 'vitest';
import { denyAllPermissions, permissionGranted, type PermissionSession } from './permissions.js';

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'idle-detection',
  'window-management',
  'unknown',
];
const FOREIGN = [
  'https://example.com',
  'http://127.0.0.1:4000',
  'file:///tmp/x.html',
  'weft://other',
  '',
  'null',
];

function fakeSession() {
  const handlers: {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
    device?: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
  } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler),
  };
  return { session, handlers };
}

describe('permissionGranted', () => {
  it('grants nothing to anyone but clipboard writes to the editor itself', () => {
    for (const permission of PERMISSIONS) {
      expect(permissionGranted(permission, 'weft://app'), permission).toBe(false);
      for (const origin of FOREIGN)
        expect(permissionGranted(permission, origin), `${permission} ${origin}`).toBe(false);
    }
    expect(permissionGranted('clipboard-sanitized-write', 'weft://app')).toBe(true);
    expect(permissionGranted('clipboard-sanitized-write', 'weft://app/index.html')).toBe(true);
    for (const origin of FOREIGN)
      expect(permissionGranted('clipboard-sanitized-write', origin), origin).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every request, check and device request of the policy', () => {
    const { session, handlers } = fakeSession();
    const log: string[] = [];
    denyAllPermissions(session, (message) => log.push(message));
    for (const permission of PERMISSIONS) {
      let answer: boolean | undefined;
      handlers.request?.({}, permission, (granted) => (answer = granted), {
        requestingUrl: 'weft://app/index.html',
      });
      expect(answer, permission).toBe(false);
      expect(handlers.check?.({}, permission, 'weft://app'), permission).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb' })).toBe(false);
    // Logged once per permission, however often it is asked for.
    handlers.request?.({}, 'media', () => {}, {});
    expect(log.filter((line) => line.includes('"media"'))).toHaveLength(1);
  });

  it('lets the editor, and only the editor, write to the clipboard', () => {
    const { session, handlers } = fakeSession();
    denyAllPermissions(session);
    expect(handlers.check?.({}, 'clipboard-sanitized-write', 'weft://app')).toBe(true);
    expect(handlers.check?.({}, 'clipboard-sanitized-write', 'https://example.com')).toBe(false);
    const answers: boolean[] = [];
    handlers.request?.({}, 'clipboard-sanitized-write', (granted) => answers.push(granted), {
      requestingUrl: 'weft://app/',
    });
    handlers.request?.({}, 'clipboard-sanitized-write', (granted) => answers.push(granted), {
      requestingUrl: 'https://example.com/',
    });
    handlers.request?.({}, 'clipboard-read', (granted) => answers.push(granted), {
      requestingUrl: 'weft://app/',
    });
    expect(answers).toEqual([true, false, false]);
  });
});
