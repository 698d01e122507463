/**
 * The schema, as an ordered list of migrations. `PRAGMA user_version` holds how many have been applied,
 * so a migration is never edited once released: a change is a new entry at the end.
 */
export const migrations: readonly string[] = [
  // 1: workspaces, versioned workflows with tags, run history with per-node records and large outputs.
  `
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    policy TEXT NOT NULL DEFAULT '{}',
    run_retention INTEGER NOT NULL DEFAULT 200,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
  );

  CREATE TABLE workflows (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (workspace_id, id)
  );
  CREATE INDEX workflows_by_updated ON workflows (workspace_id, updated_at DESC, id);
  CREATE INDEX workflows_by_name ON workflows (workspace_id, name COLLATE NOCASE, id);

  CREATE TABLE workflow_tags (
    workspace_id TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (workspace_id, workflow_id, tag),
    FOREIGN KEY (workspace_id, workflow_id) REFERENCES workflows(workspace_id, id) ON DELETE CASCADE
  );
  CREATE INDEX workflow_tags_by_tag ON workflow_tags (workspace_id, tag, workflow_id);

  CREATE TABLE workflow_versions (
    workspace_id TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    created_at REAL NOT NULL,
    note TEXT,
    PRIMARY KEY (workspace_id, workflow_id, version),
    FOREIGN KEY (workspace_id, workflow_id) REFERENCES workflows(workspace_id, id) ON DELETE CASCADE
  );

  CREATE TABLE runs (
    workspace_id TEXT NOT NULL,
    id TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    workflow_version INTEGER NOT NULL,
    status TEXT NOT NULL,
    origin TEXT NOT NULL,
    input TEXT,
    outputs TEXT,
    error TEXT,
    started_at REAL NOT NULL,
    finished_at REAL,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, workflow_id) REFERENCES workflows(workspace_id, id) ON DELETE CASCADE
  );
  CREATE INDEX runs_by_workflow ON runs (workspace_id, workflow_id, started_at DESC, id);
  -- Error statistics and retention look at a workspace's most recent runs.
  CREATE INDEX runs_by_started ON runs (workspace_id, started_at DESC, id);
  -- Start-up finds the runs a dead process left running.
  CREATE INDEX runs_running ON runs (status) WHERE status = 'running';

  CREATE TABLE run_nodes (
    workspace_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    node_type TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    started_at REAL,
    finished_at REAL,
    inputs TEXT,
    outputs TEXT,
    outputs_blob INTEGER,
    error TEXT,
    PRIMARY KEY (workspace_id, run_id, node_id),
    FOREIGN KEY (workspace_id, run_id) REFERENCES runs(workspace_id, id) ON DELETE CASCADE
  );

  CREATE TABLE run_blobs (
    workspace_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (workspace_id, run_id, node_id),
    FOREIGN KEY (workspace_id, run_id, node_id) REFERENCES run_nodes(workspace_id, run_id, node_id) ON DELETE CASCADE
  );
  `,
  // 2: a node of a "run from here" that did not run but reused the outputs the source run recorded
  // (the run's origin names that run). Rows written before are nodes that ran: 0.
  `
  ALTER TABLE run_nodes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
  `,
];
