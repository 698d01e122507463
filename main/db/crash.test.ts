// Crash consistency (issue 3 §9): a child process saving workflows in a loop is killed with SIGKILL at
// random moments; after every kill the database must be intact, hold no half-written transaction, and
// hold every save the writer acknowledged. The same check must catch a writer that acknowledges before
// committing, or it proves nothing. CRASH_KILLS sets the number of kills (`npm run crash-test`: 200).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { checkCrashedDatabase, type Ack } from './testing/crash-check.js';
import { tempDir } from './testing/temp-store.js';
import { insertWorkspace } from './workspaces.repo.js';

const KILLS = Math.max(1, Number(process.env.CRASH_KILLS ?? 50));
const WRITER = fileURLToPath(new URL('./testing/crash-writer.mjs', import.meta.url));
const WS = 'ws_crash';

const tmp = tempDir('weft-crash-');
afterAll(() => tmp.remove());

function freshDatabase(name: string): string {
  const file = join(tmp.dir, name);
  const db = openDatabase(file);
  insertWorkspace(db, { id: WS, name: 'Crash', at: Date.now() });
  db.close();
  return file;
}

/**
 * Runs the writer until its first ack, lets it go on for a random few milliseconds, kills it with
 * SIGKILL, and returns every ack it printed (complete lines only).
 */
function killWriterAtRandom(file: string, prefix: string, wrong: boolean): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const args = [WRITER, file, WS, prefix, ...(wrong ? ['--ack-before-commit'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    const kill = () => child.kill('SIGKILL');
    // A writer that never acks (it failed to start) is killed too, and reported below.
    const guard = setTimeout(kill, 5000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('\n')) {
        armed = true;
        setTimeout(kill, Math.random() * 30);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL' || !armed) {
        reject(new Error(`writer did not run as expected (signal ${signal}): ${err}`));
        return;
      }
      const acks = out
        .split('\n')
        .slice(0, -1) // an unterminated last line was cut by the kill: not an ack
        .map((line) => /^ack (\S+) (\d+)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ id: m[1]!, version: Number(m[2]) }));
      resolve(acks);
    });
  });
}

describe('crash consistency', () => {
  it(
    `survives ${KILLS} SIGKILLs of a saving writer with every acknowledged save intact`,
    async () => {
      const file = freshDatabase('right.db');
      const acks: Ack[] = [];
      for (let i = 0; i < KILLS; i++) {
        acks.push(...(await killWriterAtRandom(file, `k${i}`, false)));
        const check = checkCrashedDatabase(file, WS, acks);
        expect({ kill: i, ...check, workflows: undefined }).toEqual({
          kill: i,
          integrity: 'ok',
          foreignKeyViolations: 0,
          halfWritten: [],
          lostAcks: [],
          workflows: undefined,
        });
      }
      // The kills landed while saves were going on: there is something to have lost.
      expect(acks.length).toBeGreaterThan(KILLS);
    },
    KILLS * 2000 + 10_000,
  );

  it(
    'catches a writer that acknowledges before committing',
    async () => {
      const file = freshDatabase('wrong.db');
      const acks: Ack[] = [];
      let caught: Ack[] = [];
      for (let i = 0; i < KILLS && caught.length === 0; i++) {
        acks.push(...(await killWriterAtRandom(file, `k${i}`, true)));
        const check = checkCrashedDatabase(file, WS, acks);
        // It loses saves, but what it committed is still consistent: only the ack check fails.
        expect(check).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0, halfWritten: [] });
        caught = check.lostAcks;
      }
      expect(caught.length).toBeGreaterThan(0);
    },
    KILLS * 2000 + 10_000,
  );
});
