import { describe, expect, it } from 'vitest';
import { createFakeIo } from './testing/fake-io.js';
import { helloWorkflow } from './testing/workflows.js';
import { main } from './weft.js';

describe('weft command line: usage', () => {
  it('prints the help on stdout for help, --help and -h', async () => {
    for (const arg of ['help', '--help', '-h']) {
      const io = createFakeIo();
      expect(await main([arg], io)).toBe(0);
      expect(io.stdout.text).toContain('weft run FILE [--input JSON] [--json] [--plugins-dir DIR]');
      expect(io.stdout.text).toContain('weft validate FILE');
      expect(io.stdout.text).toContain('serve');
    }
  });

  it('with no command, prints the help on stderr and exits 2', async () => {
    const io = createFakeIo();
    expect(await main([], io)).toBe(2);
    expect(io.stderr.text).toContain('Usage:');
    expect(io.stdout.text).toBe('');
  });

  it('shows a command’s own help', async () => {
    const io = createFakeIo();
    expect(await main(['help', 'run'], io)).toBe(0);
    expect(io.stdout.text).toContain('--input JSON');
    const io2 = createFakeIo();
    expect(await main(['validate', '--help'], io2)).toBe(0);
    expect(io2.stdout.text).toContain('weft validate FILE');
  });

  it('refuses an unknown command with exit 2', async () => {
    const io = createFakeIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr.text).toContain("unknown command 'frobnicate'");
  });

  it('refuses an unknown option, naming it and printing the usage line', async () => {
    const io = createFakeIo({ files: { 'w.json': helloWorkflow } });
    expect(await main(['run', 'w.json', '--bogus'], io)).toBe(2);
    expect(io.stderr.text).toContain("weft run: unknown option '--bogus'");
    expect(io.stderr.text).toContain('usage: weft run FILE [--input JSON] [--json] [--plugins-dir DIR]');
    expect(io.stdout.text).toBe('');

    const io2 = createFakeIo();
    expect(await main(['--bogus'], io2)).toBe(2);
    expect(io2.stderr.text).toContain("unknown option '--bogus'");
  });

  it('says which value is missing or extra', async () => {
    const io = createFakeIo();
    expect(await main(['run', 'w.json', '--input'], io)).toBe(2);
    expect(io.stderr.text).toContain('option --input needs a value');
    const io2 = createFakeIo();
    expect(await main(['run'], io2)).toBe(2);
    expect(io2.stderr.text).toContain('weft run: missing FILE');
    const io3 = createFakeIo();
    expect(await main(['validate', 'a.json', 'b.json'], io3)).toBe(2);
    expect(io3.stderr.text).toContain("unexpected argument 'b.json'");
    const io4 = createFakeIo();
    expect(await main(['run', 'w.json', '--json=yes'], io4)).toBe(2);
    expect(io4.stderr.text).toContain('option --json takes no value');
  });

  it('lists the store commands in the help', async () => {
    const io = createFakeIo();
    expect(await main(['help'], io)).toBe(0);
    for (const usage of [
      'weft import FILE [--json]',
      'weft export ID [--out FILE]',
      'weft list [--json]',
      'weft runs ID [--json] [--limit N]',
      'weft runs show RUNID [--json]',
      'weft workspaces [create NAME] [--json]',
      'weft run --id ID [--input JSON] [--json]',
      'weft serve [--port N] [--host 127.0.0.1] [--data-dir DIR] [--plugins-dir DIR]',
    ]) {
      expect(io.stdout.text).toContain(usage);
    }
    expect(io.stdout.text).not.toContain('Coming in a later version');
    expect(io.stdout.text).toContain('--workspace NAME');
    for (const cmd of ['import', 'export', 'list', 'runs', 'workspaces']) {
      const own = createFakeIo();
      expect(await main(['help', cmd], own)).toBe(0);
      expect(own.stdout.text).toContain('--data-dir DIR');
    }
  });

  it('answers that a later command is not available yet, exit 2', async () => {
    const { comingLater } = await import('./commands/later.js');
    const { createCliNodeResources, nodeResourcesContext } = await import('./registry.js');
    const io = createFakeIo();
    const later = comingLater('teleport', 'weft teleport', 'not yet');
    expect(later.available).toBe(false);
    const ctx = { io, ...nodeResourcesContext(createCliNodeResources()) };
    expect(await later.run(['--port', '1'], ctx)).toBe(2);
    expect(io.stderr.text).toBe('weft teleport: not available yet in this version\n');
  });

  it('prints the version from package.json', async () => {
    const { readFile } = await import('node:fs/promises');
    const io = createFakeIo();
    const real = { ...io, readFile: (p: string) => readFile(p, 'utf8') };
    expect(await main(['--version'], real)).toBe(0);
    expect(io.stdout.text).toMatch(/^weft \d+\.\d+\.\d+/);
  });

  it('does nothing on import', async () => {
    // Importing the module is what the test file already did; nothing was written anywhere.
    const mod = await import('./weft.js');
    expect(typeof mod.main).toBe('function');
  });
});
