import { describe, expect, it } from 'vitest';
import { BASIC_TEXT_WARNING, createSecretBox, type SafeStorageApi } from './secrets.js';

function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageApi {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.from(`enc:${text}`),
    decryptString: (buffer) => buffer.toString().replace(/^enc:/, ''),
    ...(options.backend === undefined ? {} : { getSelectedStorageBackend: () => options.backend as string }),
  };
}

describe('createSecretBox', () => {
  it('seals and opens through safeStorage', () => {
    const box = createSecretBox(fakeSafeStorage({ backend: 'gnome_libsecret' }), {
      platform: 'linux',
      warn: () => {},
    });
    const sealed = box.seal('token');
    expect(sealed.toString()).not.toBe('token');
    expect(box.open(sealed)).toBe('token');
    expect(box.weak).toBe(false);
  });

  it('warns once when Linux falls back to basic_text', () => {
    const warnings: string[] = [];
    const box = createSecretBox(fakeSafeStorage({ backend: 'basic_text' }), {
      platform: 'linux',
      warn: (m) => warnings.push(m),
    });
    expect(box.weak).toBe(true);
    expect(warnings).toEqual([BASIC_TEXT_WARNING]);
    expect(BASIC_TEXT_WARNING).toContain('basic_text');
  });

  it('does not ask for the Linux backend elsewhere', () => {
    const warnings: string[] = [];
    const box = createSecretBox(fakeSafeStorage({ backend: 'basic_text' }), {
      platform: 'darwin',
      warn: (m) => warnings.push(m),
    });
    expect(box.weak).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('refuses to seal when no encryption is available, rather than keep the secret in the clear', () => {
    const box = createSecretBox(fakeSafeStorage({ available: false }), { platform: 'linux', warn: () => {} });
    expect(box.available).toBe(false);
    expect(() => box.seal('token')).toThrow(/no encryption/);
  });
});
