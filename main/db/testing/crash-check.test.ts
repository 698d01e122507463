import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection.js';
import { insertWorkspace } from '../workspaces.repo.js';
import { checkCrashedDatabase } from './crash-check.js';
import { tempDir } from './temp-store.js';

// The checker must see each kind of damage it claims to, or a green crash test means nothing.
const tmp = tempDir('weft-check-');
afterAll(() => tmp.remove());

function db(name: string, sql: string): string {
  const file = join(tmp.dir, name);
  const d = openDatabase(file);
  insertWorkspace(d, { id: 'ws', name: 'W', at: 0 });
  d.exec(sql);
  d.close();
  return file;
}

const wf = (id: string, version: number, doc = 'd') =>
  `INSERT INTO workflows VALUES ('ws', '${id}', 'n', '', ${version}, '${doc}', 0, 0);`;
const ver = (id: string, version: number, doc = 'd') =>
  `INSERT INTO workflow_versions VALUES ('ws', '${id}', ${version}, '${doc}', 0, NULL);`;

describe('checkCrashedDatabase', () => {
  it('passes a consistent database with its acks', () => {
    const file = db('ok.db', wf('a', 2) + ver('a', 1, 'x') + ver('a', 2));
    expect(
      checkCrashedDatabase(file, 'ws', [
        { id: 'a', version: 1 },
        { id: 'a', version: 2 },
      ]),
    ).toEqual({
      integrity: 'ok',
      foreignKeyViolations: 0,
      halfWritten: [],
      lostAcks: [],
      workflows: 1,
    });
  });

  it('reports a lost ack', () => {
    const file = db('lost.db', wf('a', 1) + ver('a', 1));
    expect(
      checkCrashedDatabase(file, 'ws', [
        { id: 'a', version: 2 },
        { id: 'b', version: 1 },
      ]).lostAcks,
    ).toHaveLength(2);
  });

  it('reports half-written saves: a missing version row, a stray one, a document that disagrees', () => {
    const file = db(
      'half.db',
      wf('a', 2) +
        ver('a', 1) +
        wf('b', 1, 'new') +
        ver('b', 1, 'old') +
        wf('c', 1) +
        ver('c', 1) +
        ver('c', 2),
    );
    expect(checkCrashedDatabase(file, 'ws', []).halfWritten.sort()).toEqual(['a', 'b', 'c']);
  });
});
