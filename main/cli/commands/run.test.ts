import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../progress/text.js';
import { hasColour, movesCursorUp } from '../testing/ansi.js';
import { createFakeIo } from '../testing/fake-io.js';
import {
  chainWorkflow,
  cycleWorkflow,
  failingWorkflow,
  flakyWorkflow,
  helloWorkflow,
  slowWorkflow,
  workflow,
} from '../testing/workflows.js';
import { main } from '../weft.js';

/** Resolves once `predicate` holds, checking every few milliseconds. */
async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('weft run: files that cannot be run (exit 2)', () => {
  it('names a missing file', async () => {
    const io = createFakeIo();
    expect(await main(['run', 'nope.weft.json'], io)).toBe(2);
    expect(io.stderr.text).toBe('nope.weft.json: cannot read the file: no such file\n');
    expect(io.stdout.text).toBe('');
  });

  it('refuses a file over 10 MiB before reading it', async () => {
    const io = createFakeIo({ files: { 'huge.json': { size: 10 * 1024 * 1024 + 1 } } });
    expect(await main(['run', 'huge.json'], io)).toBe(2);
    expect(io.stderr.text).toContain(
      'huge.json: the file is 10.0 MiB; a workflow may be at most 10.0 MiB (TOO_LARGE)',
    );
  });

  it('refuses a file that is not JSON', async () => {
    const io = createFakeIo({ files: { 'x.json': '{"format": "weft.workflow", "nodes": [' } });
    expect(await main(['run', 'x.json', '--json'], io)).toBe(2);
    expect(io.stderr.text).toMatch(/^x\.json: .*JSON/);
    expect(io.stdout.text).toBe('');
  });

  it('refuses an invalid workflow, printing every problem with its path', async () => {
    const io = createFakeIo({ files: { 'c.json': cycleWorkflow } });
    expect(await main(['run', 'c.json', '--json'], io)).toBe(2);
    expect(io.stderr.text).toMatch(/^c\.json: nodes\[\d\]: .*cycle/m);
    expect(io.stderr.text).toContain('nothing was run');
    expect(io.stdout.text).toBe('');

    const bad = workflow(
      [
        { id: 'a', type: 'core.manual' },
        { id: 'b', type: 'core.nope' },
      ],
      [{ id: 'e', source: 'a', sourcePort: 'zzz', target: 'b', targetPort: 'in' }],
    );
    const io2 = createFakeIo({ files: { 'bad.json': bad } });
    expect(await main(['run', 'bad.json'], io2)).toBe(2);
    expect(io2.stderr.text).toContain('bad.json: nodes[1].type: ');
    expect(io2.stderr.text).toContain('bad.json: edges[0].sourcePort: ');
  });

  it('refuses --input that is not JSON, naming the option', async () => {
    const io = createFakeIo({ files: { 'h.json': helloWorkflow } });
    expect(await main(['run', 'h.json', '--input', '{name: Ada}'], io)).toBe(2);
    expect(io.stderr.text).toMatch(/^weft run: --input: not valid JSON: /);
    expect(io.stdout.text).toBe('');
  });
});

describe('weft run --json', () => {
  it('prints exactly one JSON document, the run record', async () => {
    const io = createFakeIo({ files: { 'h.json': helloWorkflow } });
    expect(await main(['run', 'h.json', '--json', '--plugins-dir', '/nowhere'], io)).toBe(0);
    const record = JSON.parse(io.stdout.text) as Record<string, unknown>;
    expect(io.stdout.text).toBe(`${JSON.stringify(record, null, 2)}\n`);
    expect(record).toMatchObject({
      status: 'succeeded',
      outputs: { greeting: { name: 'Ada', text: 'Hello, Ada!' } },
      nodes: { greet: { status: 'succeeded', attempts: 1 } },
    });
    expect(typeof record.runId).toBe('string');
    expect(io.stderr.text).toBe('');
  });

  it('passes --input to the run', async () => {
    const io = createFakeIo({ files: { 'h.json': helloWorkflow } });
    expect(await main(['run', 'h.json', '--json', '--input', '{"name":"Grace"}'], io)).toBe(0);
    expect(JSON.parse(io.stdout.text)).toMatchObject({ outputs: { greeting: { text: 'Hello, Grace!' } } });
  });

  it('exits 1 for a failed run, with the failure in the record', async () => {
    const io = createFakeIo({ files: { 'f.json': failingWorkflow } });
    expect(await main(['run', 'f.json', '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout.text)).toMatchObject({
      status: 'failed',
      nodes: {
        stop: { status: 'failed', error: { message: 'stop right here' } },
        after: { status: 'cancelled' },
      },
    });
  });
});

describe('weft run, piped (one line per event)', () => {
  it('shows every try of a retrying node, then a summary with the outputs', async () => {
    const io = createFakeIo({ files: { 'flaky.json': flakyWorkflow } });
    expect(await main(['run', 'flaky.json'], io)).toBe(0);
    const out = io.stdout.text;
    expect(out).not.toContain('\x1b');
    expect(out).toMatch(/^\[\s+\d+ ms\] flaky\s+started \(try 1 of 3\)$/m);
    expect(out).toMatch(/^\[\s+\d+ ms\] flaky\s+retrying in \d+ ms after: flaky$/m);
    expect(out).toMatch(/^\[\s+\d+ ms\] flaky\s+started \(try 3 of 3\)$/m);
    expect(out).toMatch(/^\[\s+\d+ ms\] flaky\s+succeeded in [\d.]+ m?s$/m);
    expect(out.match(/flaky\s+retrying/g)).toHaveLength(2);
    expect(out).toContain('Run succeeded');
    expect(out).toContain('"attempt": 3');
  });

  it('summarizes a failed run with each failed node’s error, exit 1', async () => {
    const io = createFakeIo({ files: { 'f.json': failingWorkflow } });
    expect(await main(['run', 'f.json'], io)).toBe(1);
    expect(io.stdout.text).toMatch(/stop\s+failed: NODE_ERROR stop right here/);
    expect(io.stdout.text).toContain('Run failed');
    expect(io.stdout.text).toMatch(/✖ stop \(core\.fail\): NODE_ERROR stop right here/);
  });
});

describe('weft run on a terminal (live display)', () => {
  it('redraws in place and ends with a frame showing every node', async () => {
    const io = createFakeIo({ files: { 'flaky.json': flakyWorkflow }, tty: true, columns: 100, rows: 30 });
    expect(await main(['run', 'flaky.json'], io)).toBe(0);
    const out = io.stdout.text;
    expect(out).toContain('\x1b[?25l');
    expect(out).toContain('\x1b[?25h');
    expect(movesCursorUp(out)).toBe(true);
    expect(out).toContain('\x1b[32m'); // colour on a terminal
    // The final frame is the text after the last cursor-up.
    const finalFrame = stripAnsi(out.slice(out.lastIndexOf('\x1b[4A')));
    expect(finalFrame).toMatch(/✔ s\s/);
    expect(finalFrame).toMatch(/✔ flaky\s+core\.code\s+[\d.]+ m?s\s+try 3\/3/);
    expect(finalFrame).toMatch(/✔ o\s/);
    expect(io.activeTimers()).toBe(0);
  });

  it('respects NO_COLOR', async () => {
    const io = createFakeIo({ files: { 'h.json': helloWorkflow }, tty: true, env: { NO_COLOR: '1' } });
    expect(await main(['run', 'h.json'], io)).toBe(0);
    expect(hasColour(io.stdout.text)).toBe(false);
    expect(movesCursorUp(io.stdout.text)).toBe(true); // still redrawn in place
  });

  it('shows a summary instead of rows for a workflow taller than the terminal', async () => {
    const io = createFakeIo({
      files: { 'chain.json': chainWorkflow(2000) },
      tty: true,
      columns: 100,
      rows: 24,
    });
    expect(await main(['run', 'chain.json'], io)).toBe(0);
    const out = stripAnsi(io.stdout.text);
    expect(out).toContain('2002/2002');
    expect(out).toContain('100%');
    expect(out).toContain('2002 succeeded');
    expect(out).not.toMatch(/✔ n1999\s+core\.set/); // no row per node
    // No frame is taller than the terminal.
    for (const frame of io.stdout.text.split('\x1b[?2026h').slice(1)) {
      expect(frame.split('\n').length - 1).toBeLessThanOrEqual(23);
    }
  }, 30_000);
});

describe('weft run: Ctrl-C', () => {
  it('cancels the run on the first Ctrl-C and exits 1 after printing the record', async () => {
    const io = createFakeIo({ files: { 'slow.json': slowWorkflow } });
    const done = main(['run', 'slow.json', '--json'], io);
    await until(() => io.interruptHandlers() === 1);
    await new Promise((r) => setTimeout(r, 50));
    io.interrupt();
    expect(await done).toBe(1);
    expect(JSON.parse(io.stdout.text)).toMatchObject({
      status: 'cancelled',
      nodes: { wait: { status: 'cancelled' } },
    });
    expect(io.interruptHandlers()).toBe(0);
    expect(io.exits).toEqual([]);
  });

  it('says it is cancelling when piped', async () => {
    const io = createFakeIo({ files: { 'slow.json': slowWorkflow } });
    const done = main(['run', 'slow.json'], io);
    await until(() => io.stdout.text.includes('wait  started'));
    io.interrupt();
    expect(await done).toBe(1);
    expect(io.stderr.text).toContain('cancelling the run');
    expect(io.stdout.text).toMatch(/wait\s+cancelled/);
    expect(io.stdout.text).toContain('Run cancelled');
  });

  it('quits at once with 130 on a second Ctrl-C', async () => {
    const io = createFakeIo({ files: { 'slow.json': slowWorkflow }, tty: true });
    // A node that ignores cancellation keeps the run going after the first Ctrl-C.
    const stubborn = workflow(
      [
        {
          id: 'spin',
          type: 'core.code',
          params: { source: 'await new Promise((r) => setTimeout(r, 3000)); return 1;' },
        },
      ],
      [],
    );
    Object.assign(io, {
      readFile: () => Promise.resolve(stubborn),
      stat: () => Promise.resolve({ size: 10, isFile: true }),
    });
    const done = main(['run', 'stubborn.json'], io);
    await until(() => io.interruptHandlers() === 1);
    io.interrupt();
    io.interrupt();
    expect(await done).toBe(130);
    expect(io.exits).toEqual([130]);
    expect(io.stdout.text).toContain('\x1b[?25h'); // the cursor is given back
    expect(io.interruptHandlers()).toBe(0);
    expect(io.activeTimers()).toBe(0);
  });
});
