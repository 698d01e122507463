import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../engine/index.js';
import { coreNodeTypes } from '../../plugins/core/index.js';
import { getRun, insertRun } from '../db/runs.repo.js';
import { sampleDoc, tempDir } from '../db/testing/temp-store.js';
import { DATABASE_FILE, openStore, resolveDataDir } from './store.js';
import { createWorkflow, getWorkflow } from './workflows.service.js';
import { listWorkspaces } from './workspaces.service.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('resolveDataDir', () => {
  it('prefers --data-dir, then $WEFT_HOME, then ~/.weft', () => {
    expect(resolveDataDir({ dataDir: 'rel/dir', env: { WEFT_HOME: '/w' } })).toBe(resolve('rel/dir'));
    expect(resolveDataDir({ env: { WEFT_HOME: '/w' } })).toBe('/w');
    expect(resolveDataDir({ dataDir: '', env: { WEFT_HOME: '' } })).toBe(join(homedir(), '.weft'));
    expect(resolveDataDir({ env: {} })).toBe(join(homedir(), '.weft'));
  });
});

describe('openStore', () => {
  it('creates the folder and weft.db, the Default workspace once, and keeps data across reopen', () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const dataDir = join(dir, 'nested', 'data');
    const registry = createRegistry(coreNodeTypes);
    const s1 = openStore({ dataDir, registry });
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    expect(s1.defaultWorkspace.name).toBe('Default');
    const id = createWorkflow(s1, s1.defaultWorkspace.id, sampleDoc()).id;
    insertRun(s1.db, s1.defaultWorkspace.id, {
      id: 'r',
      workflowId: id,
      workflowVersion: 1,
      origin: { kind: 'run' },
      startedAt: 1,
    });
    expect(s1.interruptedRuns).toBe(0);
    s1.close();

    const s2 = openStore({ dataDir, registry });
    cleanups.unshift(() => s2.close());
    expect(s2.defaultWorkspace.id).toBe(s1.defaultWorkspace.id);
    expect(listWorkspaces(s2)).toHaveLength(1);
    expect(getWorkflow(s2, s2.defaultWorkspace.id, id).version).toBe(1);
    // The run the first "process" left running is now interrupted.
    expect(s2.interruptedRuns).toBe(1);
    expect(getRun(s2.db, s2.defaultWorkspace.id, 'r')?.status).toBe('interrupted');
  });
});
