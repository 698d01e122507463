import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importText, tempDataDir, weft } from '../testing/store.js';
import { cycleWorkflow, helloWorkflow, workflow } from '../testing/workflows.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDataDir()));
afterEach(() => cleanup());

const tagged = (name: string, tags: string[], description = ''): string =>
  workflow([{ id: 'start', type: 'core.manual' }], [], { name, tags, description });

describe('weft import', () => {
  it('prints the new id; with --json exactly { "id": … }', async () => {
    const plain = await weft(dir, ['import', 'h.json'], { files: { 'h.json': helloWorkflow } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^wf_\w+\n$/);
    const json = await weft(dir, ['import', 'h.json', '--json'], { files: { 'h.json': helloWorkflow } });
    expect(json.code).toBe(0);
    expect(json.stdout).toMatch(/^\{ "id": "wf_\w+" \}\n$/);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['id']);
    expect(parsed.id).not.toBe(plain.stdout.trim());
  });

  it('refuses an unreadable file with exit 2 and writes nothing', async () => {
    const missing = await weft(dir, ['import', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('nope.json: cannot read the file: no such file\n');
    const locked = await weft(dir, ['import', 'l.json'], {
      files: { 'l.json': helloWorkflow },
      unreadable: ['l.json'],
    });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('l.json: cannot read the file: permission denied');
    const huge = await weft(dir, ['import', 'big.json'], {
      files: { 'big.json': { size: 11 * 1024 * 1024 } },
    });
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('big.json: the file is 11.0 MiB');
    expect((await weft(dir, ['list', '--json'])).stdout).toBe('{\n  "workflows": []\n}\n');
  });

  it('lists every problem of an invalid file with its path, and imports nothing', async () => {
    const bad = workflow(
      [
        { id: 'a', type: 'core.manual' },
        { id: 'b', type: 'core.nope' },
      ],
      [{ id: 'e', source: 'a', sourcePort: 'zzz', target: 'b', targetPort: 'in' }],
    );
    const r = await weft(dir, ['import', 'bad.json', '--json'], { files: { 'bad.json': bad } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.json: nodes[1].type: ');
    expect(r.stderr).toContain('bad.json: edges[0].sourcePort: ');
    expect(r.stderr).toMatch(/weft import: bad\.json was not imported \(\d+ problems\)/);
    const notJson = await weft(dir, ['import', 'x.json'], { files: { 'x.json': '{"nodes": [' } });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^x\.json: not valid JSON/);
    const cycle = await weft(dir, ['import', 'c.json'], { files: { 'c.json': cycleWorkflow } });
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toMatch(/c\.json: nodes\[\d\]: .*cycle/);
    expect((await weft(dir, ['list', '--json'])).stdout).toBe('{\n  "workflows": []\n}\n');
  });

  it('names every missing plugin under requires', async () => {
    const needs = workflow([{ id: 'a', type: 'core.manual' }], [], {
      requires: [{ plugin: 'weft-plugin-zip', version: '^1.0.0' }, { plugin: 'weft-plugin-pdf' }],
    });
    const r = await weft(dir, ['import', 'n.json'], { files: { 'n.json': needs } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'n.json: requires: plugin weft-plugin-zip@^1.0.0 is not installed (MISSING_PLUGINS)',
    );
    expect(r.stderr).toContain('n.json: requires: plugin weft-plugin-pdf is not installed (MISSING_PLUGINS)');
  });
});

describe('weft export', () => {
  it('prints the canonical file form; two exports are byte-identical, and --out writes it', async () => {
    const id = await importText(dir, helloWorkflow);
    const a = await weft(dir, ['export', id]);
    const b = await weft(dir, ['export', id]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(a.stdout)).toMatchObject({ format: 'weft.workflow', name: 'test' });

    // Re-importing the export and exporting again gives the same bytes.
    const again = await importText(dir, a.stdout);
    expect((await weft(dir, ['export', again])).stdout).toBe(a.stdout);

    const out = await weft(dir, ['export', id, '--out', 'o.json']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.io.written['o.json']).toBe(a.stdout);
    expect(out.stderr).toBe('weft export: wrote o.json\n');
    const over = await weft(dir, ['export', id, '--out', 'o.json'], { files: { 'o.json': 'old' } });
    expect(over.io.written['o.json']).toBe(a.stdout);
    expect(over.stderr).toContain('replaced the file that was there');
  });

  it('says which secrets it blanked', async () => {
    const secret = workflow(
      [
        { id: 'a', type: 'core.manual', params: { payload: {} } },
        { id: 's', type: 'core.set', params: { values: { apiKey: 'sk-1' } } },
      ],
      [{ id: 'e', source: 'a', sourcePort: 'out', target: 's', targetPort: 'in' }],
    );
    const id = await importText(dir, secret);
    const r = await weft(dir, ['export', id]);
    expect(r.stdout).not.toContain('sk-1');
    expect(r.stderr).toContain('blanked 1 secret param (nodes[1].params.values.apiKey)');
  });

  it('answers "not found" with exit 2 for an unknown id, and for an unwritable --out', async () => {
    const r = await weft(dir, ['export', 'wf_nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('weft export: workflow wf_nope not found\n');
    const id = await importText(dir, helloWorkflow);
    const w = await weft(dir, ['export', id, '--out', 'ro.json'], { unwritable: ['ro.json'] });
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('weft export: ro.json: cannot write the file: permission denied');
  });
});

describe('weft list', () => {
  it('shows a table, and JSON with every workflow; filters, sorts and limits', async () => {
    const empty = await weft(dir, ['list']);
    expect(empty.stdout).toContain('No workflows in workspace Default yet');
    await importText(dir, tagged('Beta report', ['daily'], 'sends the numbers'));
    await importText(dir, tagged('alpha sync', ['daily', 'ops']));
    await importText(dir, tagged('Gamma', []));

    const table = await weft(dir, ['list']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+VERSION\s+UPDATED\s+TAGS$/);
    expect(lines).toHaveLength(4);
    expect(table.stdout).toContain('daily, ops');

    const byName = await weft(dir, ['list', '--json', '--sort', 'name']);
    const names = (JSON.parse(byName.stdout) as { workflows: Array<{ name: string }> }).workflows.map(
      (w) => w.name,
    );
    expect(names).toEqual(['alpha sync', 'Beta report', 'Gamma']);

    const tag = JSON.parse(
      (await weft(dir, ['list', '--json', '--tag', 'daily', '--sort', 'name'])).stdout,
    ) as {
      workflows: Array<{ name: string; tags: string[] }>;
    };
    expect(tag.workflows.map((w) => w.name)).toEqual(['alpha sync', 'Beta report']);
    const search = JSON.parse((await weft(dir, ['list', '--json', '--search', 'NUMBERS'])).stdout) as {
      workflows: Array<{ name: string }>;
    };
    expect(search.workflows.map((w) => w.name)).toEqual(['Beta report']);

    const limited = await weft(dir, ['list', '--limit', '2']);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(limited.stdout).toContain('showing the first 2 workflows');
  });

  it('pages through everything for --json', async () => {
    for (let i = 0; i < 5; i++) await importText(dir, tagged(`w${i}`, []));
    const r = await weft(dir, ['list', '--json', '--limit', '3']);
    expect((JSON.parse(r.stdout) as { workflows: unknown[] }).workflows).toHaveLength(3);
    const all = await weft(dir, ['list', '--json']);
    expect((JSON.parse(all.stdout) as { workflows: unknown[] }).workflows).toHaveLength(5);
  });

  it('refuses a bad --sort or --limit with exit 2', async () => {
    const sort = await weft(dir, ['list', '--sort', 'size']);
    expect(sort.code).toBe(2);
    expect(sort.stderr).toContain("weft list: option --sort is 'updated' or 'name', not 'size'");
    const limit = await weft(dir, ['list', '--limit', '0']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('option --limit needs a whole number from 1');
  });
});

describe('weft workspaces and --workspace', () => {
  it('lists Default, creates a workspace, and refuses a duplicate name', async () => {
    const list = await weft(dir, ['workspaces', '--json']);
    const names = (JSON.parse(list.stdout) as { workspaces: Array<{ name: string }> }).workspaces.map(
      (w) => w.name,
    );
    expect(names).toEqual(['Default']);
    const created = await weft(dir, ['workspaces', 'create', 'Team', '--json']);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      name: 'Team',
      id: expect.stringMatching(/^ws_/) as unknown,
    });
    const dup = await weft(dir, ['workspaces', 'create', 'team']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toBe('weft workspaces: a workspace named "Team" exists\n');
    const table = await weft(dir, ['workspaces']);
    expect(table.stdout).toMatch(/^NAME\s+ID\s+CREATED\n/);
    expect(table.stdout).toContain('Team');
    const bad = await weft(dir, ['workspaces', 'remove', 'Team']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown action 'remove'");
  });

  it('keeps workspaces apart: another workspace’s id is not found (exit 2)', async () => {
    await weft(dir, ['workspaces', 'create', 'X']);
    const id = await importText(dir, helloWorkflow, ['--workspace', 'X']);
    const inX = await weft(dir, ['list', '--json', '--workspace', 'X']);
    expect(
      (JSON.parse(inX.stdout) as { workflows: Array<{ id: string }> }).workflows.map((w) => w.id),
    ).toEqual([id]);
    const inDefault = await weft(dir, ['list', '--json']);
    expect(JSON.parse(inDefault.stdout)).toEqual({ workflows: [] });
    const exported = await weft(dir, ['export', id]);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toBe(`weft export: workflow ${id} not found\n`);
    expect((await weft(dir, ['export', id, '--workspace', 'X'])).code).toBe(0);
  });

  it('refuses a workspace that does not exist (Default is made on first use)', async () => {
    const r = await weft(dir, ['list', '--workspace', 'Nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('weft list: workspace Nope not found\n');
    expect((await weft(dir, ['list', '--workspace', 'Default'])).code).toBe(0);
  });

  it('takes the data folder from $WEFT_HOME when --data-dir is not given', async () => {
    const io = await import('../testing/fake-io.js').then((m) => m.createFakeIo({ env: { WEFT_HOME: dir } }));
    const { main } = await import('../weft.js');
    expect(await main(['workspaces', 'create', 'FromEnv'], io)).toBe(0);
    const list = await weft(dir, ['workspaces']);
    expect(list.stdout).toContain('FromEnv');
  });
});
