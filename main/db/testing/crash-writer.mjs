// A writer for the crash-consistency test (main/db/crash.test.ts): saves workflows in a loop, each
// save one IMMEDIATE transaction writing a workflows row and its workflow_versions row, exactly as the
// workflows service does, and prints "ack <workflowId> <version>" only after the commit returned. The
// test kills it with SIGKILL at random moments and then checks every acknowledged save is on disk.
//
// --ack-before-commit is the deliberately wrong writer: it acknowledges inside the transaction and
// then waits before committing, so a kill in that window loses a save it already acknowledged. The
// test must catch it, which proves the check can fail.
//
// Usage: node crash-writer.mjs <db file> <workspace id> <id prefix> [--ack-before-commit]
// Stdout is a pipe, which Node writes synchronously on POSIX: an ack is in the pipe before the next
// statement runs, and it survives the writer's death.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

const [file, workspaceId, prefix, mode] = process.argv.slice(2);
if (!file || !workspaceId || !prefix) {
  process.stderr.write(
    'usage: crash-writer.mjs <db file> <workspace id> <id prefix> [--ack-before-commit]\n',
  );
  process.exit(2);
}
const ackBeforeCommit = mode === '--ack-before-commit';
const WRONG_WINDOW_MS = 40;

// The same pragmas as main/db/connection.ts.
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

const insertWorkflow = db.prepare(
  `INSERT INTO workflows (workspace_id, id, name, description, version, document, created_at, updated_at)
   VALUES (?, ?, ?, '', 1, ?, ?, ?)`,
);
const bumpWorkflow = db.prepare(
  `UPDATE workflows SET version = version + 1, document = ?, updated_at = ? WHERE workspace_id = ? AND id = ? RETURNING version`,
);
const insertVersion = db.prepare(
  `INSERT INTO workflow_versions (workspace_id, workflow_id, version, document, created_at, note) VALUES (?, ?, ?, ?, ?, NULL)`,
);

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One save: a new workflow every third time, otherwise the next version of the latest one. */
function save(n, current) {
  // Documents of a few pages, so a save spans several pages of the WAL.
  const document = JSON.stringify({ n, pad: randomBytes(1000 + (n % 7) * 1500).toString('hex') });
  const at = Date.now();
  if (current === undefined || n % 3 === 0) {
    const id = `${prefix}_${n}`;
    insertWorkflow.run(workspaceId, id, `crash ${n}`, document, at, at);
    insertVersion.run(workspaceId, id, 1, document, at);
    return { id, version: 1 };
  }
  const { version } = bumpWorkflow.get(document, at, workspaceId, current);
  insertVersion.run(workspaceId, current, version, document, at);
  return { id: current, version };
}

const ack = (s) => process.stdout.write(`ack ${s.id} ${s.version}\n`);

let current;
for (let n = 0; ; n++) {
  if (ackBeforeCommit) {
    db.exec('BEGIN IMMEDIATE');
    const saved = save(n, current);
    ack(saved);
    sleep(WRONG_WINDOW_MS);
    db.exec('COMMIT');
    current = saved.id;
  } else {
    const saved = db.transaction(() => save(n, current)).immediate();
    ack(saved);
    current = saved.id;
  }
}
