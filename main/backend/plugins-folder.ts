// The plugins folder under the user-data folder (SPEC §5). On the first start it is made and given a
// copy of the plugins that ship with the app (the example text plugin), so the palette shows how a
// plugin looks; from then on it is the user's: nothing is copied again, nothing they removed comes back.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The folder's name in the user-data folder. */
export const PLUGINS_FOLDER = 'plugins';

export interface PreparedPluginsFolder {
  /** True when this start made the folder. */
  readonly created: boolean;
  /** The bundled plugins copied into it (folder names). */
  readonly seeded: readonly string[];
}

/** Makes `dir` if it is missing, then copies each plugin folder of `bundledDir` (if any) into it. */
export function preparePluginsFolder(dir: string, bundledDir: string | undefined): PreparedPluginsFolder {
  if (existsSync(dir)) return { created: false, seeded: [] };
  mkdirSync(dir, { recursive: true });
  if (bundledDir === undefined || !existsSync(bundledDir)) return { created: true, seeded: [] };
  const seeded: string[] = [];
  for (const entry of readdirSync(bundledDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (!existsSync(join(bundledDir, entry.name, 'package.json'))) continue;
    cpSync(join(bundledDir, entry.name), join(dir, entry.name), { recursive: true });
    seeded.push(entry.name);
  }
  return { created: true, seeded: seeded.sort() };
}
