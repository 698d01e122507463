import { describe, expect, it } from 'vitest';
import { createFakeIo } from '../testing/fake-io.js';
import { cycleWorkflow, helloWorkflow, workflow } from '../testing/workflows.js';
import { main } from '../weft.js';

describe('weft validate', () => {
  it('prints FILE: ok for a valid workflow, exit 0', async () => {
    const io = createFakeIo({ files: { 'hello.weft.json': helloWorkflow } });
    expect(await main(['validate', 'hello.weft.json'], io)).toBe(0);
    expect(io.stdout.text).toBe('hello.weft.json: ok\n');
    expect(io.stderr.text).toBe('');
  });

  it('prints every problem as FILE: path: message (code), exit 1', async () => {
    const text = workflow(
      [
        { id: 'a', type: 'core.manual' },
        { id: 'b', type: 'core.nope' },
        { id: 'c', type: 'core.set', params: {}, surprise: 1 },
      ],
      [{ id: 'e', source: 'a', sourcePort: 'nowhere', target: 'c', targetPort: 'in' }],
    );
    const io = createFakeIo({ files: { 'bad.weft.json': text } });
    expect(await main(['validate', 'bad.weft.json'], io)).toBe(1);
    const lines = io.stdout.text.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^bad\.weft\.json: \S.*\([A-Z_]+\)$/);
    expect(io.stdout.text).toContain('bad.weft.json: nodes[1].type: ');
    expect(io.stderr.text).toContain('problem');
  });

  it('names every node of a cycle', async () => {
    const io = createFakeIo({ files: { 'c.json': cycleWorkflow } });
    expect(await main(['validate', 'c.json'], io)).toBe(1);
    expect(io.stdout.text.toLowerCase()).toContain('cycle');
    expect(io.stdout.text).toMatch(/\ba\b/);
    expect(io.stdout.text).toMatch(/\bb\b/);
  });

  it('reports a file that is not JSON as a problem, exit 1', async () => {
    const io = createFakeIo({ files: { 'x.json': '{"format": "weft.workflow", "nodes": [' } });
    expect(await main(['validate', 'x.json'], io)).toBe(1);
    expect(io.stdout.text).toMatch(/^x\.json: .*JSON/);
  });

  it('refuses an oversized file without reading it, exit 1', async () => {
    const io = createFakeIo({ files: { 'big.json': { size: 11 * 1024 * 1024 } } });
    expect(await main(['validate', 'big.json'], io)).toBe(1);
    expect(io.stdout.text).toContain(
      'big.json: the file is 11.0 MiB; a workflow may be at most 10.0 MiB (TOO_LARGE)',
    );
  });

  it('exits 2 naming a file that cannot be read', async () => {
    const io = createFakeIo();
    expect(await main(['validate', 'missing.json'], io)).toBe(2);
    expect(io.stderr.text).toBe('missing.json: cannot read the file: no such file\n');
    const io2 = createFakeIo({ files: { 'locked.json': '{}' }, unreadable: ['locked.json'] });
    expect(await main(['validate', 'locked.json'], io2)).toBe(2);
    expect(io2.stderr.text).toContain('locked.json: cannot read the file: permission denied');
  });
});
