import { fileURLToPath } from 'node:url';
import type { CliIo } from './io.js';

/**
 * The version in the project's package.json. This module is two folders below the root both as
 * source (main/cli/) and once bundled (dist/cli/), so the same relative URL finds it either way.
 */
export async function readVersion(io: CliIo): Promise<string> {
  try {
    const text = await io.readFile(fileURLToPath(new URL('../../package.json', import.meta.url)));
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
