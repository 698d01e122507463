// Secrets the app keeps (none yet: workflows and exports carry none, SPEC §1) go through Electron's
// safeStorage, which encrypts with a key from the OS keychain. On Linux without a keyring Electron falls
// back to its `basic_text` backend, a hard-coded key: that only obfuscates, so the app says so at start.
// Where no encryption is available at all, sealing refuses rather than writing a secret in the clear.

/** The part of Electron's safeStorage used here. */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; valid after the app's `ready`. */
  getSelectedStorageBackend?(): string;
}

export interface SecretBox {
  /** Whether secrets can be sealed at all. */
  readonly available: boolean;
  /** True on Linux's `basic_text` backend: sealed secrets are obfuscated, not protected by a keyring. */
  readonly weak: boolean;
  /** Encrypts a secret for storing; throws when no encryption is available. */
  seal(secret: string): Buffer;
  /** Decrypts what `seal` gave. */
  open(sealed: Buffer): string;
}

/** The warning shown when Linux's safeStorage falls back to its hard-coded key. */
export const BASIC_TEXT_WARNING =
  'weft: no system keyring was found (safeStorage uses its basic_text backend), so secrets Weft keeps ' +
  'are only obfuscated, not encrypted. Install and unlock a keyring (GNOME Keyring or KWallet) to protect them.';

/** Wraps safeStorage; call after `ready`. `warn` hears the basic_text warning once. */
export function createSecretBox(
  safeStorage: SafeStorageApi,
  options: { platform: NodeJS.Platform; warn: (message: string) => void },
): SecretBox {
  const available = safeStorage.isEncryptionAvailable();
  const backend = options.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  const weak = backend === 'basic_text';
  if (weak) options.warn(BASIC_TEXT_WARNING);
  return {
    available,
    weak,
    seal(secret) {
      if (!available) throw new Error('no encryption is available on this system: the secret was not stored');
      return safeStorage.encryptString(secret);
    },
    open(sealed) {
      return safeStorage.decryptString(sealed);
    },
  };
}
