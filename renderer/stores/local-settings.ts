// The few settings the editor keeps between visits (theme, last workspace) in localStorage. Storage may
// be missing or refuse (private windows, unit tests under Node): then settings last for the visit only.
const PREFIX = 'weft.';

export function readSetting(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(PREFIX + key);
    else globalThis.localStorage?.setItem(PREFIX + key, value);
  } catch {
    // Not kept; nothing else to do.
  }
}
