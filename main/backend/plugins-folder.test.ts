import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preparePluginsFolder } from './plugins-folder.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weft-plugins-'));
  dirs.push(dir);
  return dir;
}
function bundled(root: string): string {
  const dir = join(root, 'bundled');
  for (const name of ['weft-plugin-text', 'weft-plugin-b']) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'package.json'), '{}');
    writeFileSync(join(dir, name, 'index.js'), 'export default {}');
  }
  mkdirSync(join(dir, 'not-a-plugin'));
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, '.hidden', 'package.json'), '{}');
  return dir;
}

describe('preparePluginsFolder', () => {
  it('makes the folder on the first start and copies the bundled plugins into it', () => {
    const root = temp();
    const dir = join(root, 'user-data', 'plugins');
    expect(preparePluginsFolder(dir, bundled(root))).toEqual({
      created: true,
      seeded: ['weft-plugin-b', 'weft-plugin-text'],
    });
    expect(readdirSync(dir).sort()).toEqual(['weft-plugin-b', 'weft-plugin-text']);
    expect(existsSync(join(dir, 'weft-plugin-text', 'index.js'))).toBe(true);
  });

  it('never copies again: what the user removed stays removed', () => {
    const root = temp();
    const dir = join(root, 'plugins');
    const source = bundled(root);
    preparePluginsFolder(dir, source);
    rmSync(join(dir, 'weft-plugin-b'), { recursive: true });
    expect(preparePluginsFolder(dir, source)).toEqual({ created: false, seeded: [] });
    expect(readdirSync(dir)).toEqual(['weft-plugin-text']);
  });

  it('makes an empty folder when nothing is bundled', () => {
    const root = temp();
    expect(preparePluginsFolder(join(root, 'p'), join(root, 'missing'))).toEqual({
      created: true,
      seeded: [],
    });
    expect(preparePluginsFolder(join(root, 'q'), undefined)).toEqual({ created: true, seeded: [] });
  });
});
