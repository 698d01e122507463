import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeIo, type FakeIo, type FakeIoOptions } from './fake-io.js';
import { main } from '../weft.js';

/** A temp data folder for store command tests; `cleanup()` removes it. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'weft-cli-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What one in-process `weft` call printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  io: FakeIo;
}

/** Runs `weft ...args --data-dir dir` in-process with a fake io holding `files`. */
export async function weft(
  dir: string,
  args: readonly string[],
  opts: FakeIoOptions = {},
): Promise<CliResult> {
  const io = createFakeIo(opts);
  const code = await main([...args, '--data-dir', dir], io);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text, io };
}

/** Imports `text` (as file `w.json`) and returns the new id. */
export async function importText(dir: string, text: string, extra: readonly string[] = []): Promise<string> {
  const r = await weft(dir, ['import', 'w.json', '--json', ...extra], { files: { 'w.json': text } });
  if (r.code !== 0) throw new Error(`import failed (${r.code}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { id: string }).id;
}
