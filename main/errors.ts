/** What a failed call answers: a code a program can act on, a message a person can, and where. */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  /** The JSON path of the offending value, when there is one. */
  readonly path?: string;
  /** Extra facts a caller may need (current version of a conflict, problems, node ids, …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Base of the host's expected failures: carries an ErrorInfo and is safe to show to a user. */
export class WeftError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'WeftError';
  }

  toInfo(): ErrorInfo {
    const info: { code: string; message: string; path?: string; details?: Readonly<Record<string, unknown>> } = {
      code: this.code,
      message: this.message,
    };
    if (this.path !== undefined) info.path = this.path;
    if (this.details !== undefined) info.details = this.details;
    return info;
  }
}

/** A record that does not exist, or belongs to another workspace: the two are never told apart. */
export class NotFoundError extends WeftError {
  constructor(kind: string, id: string) {
    super('NOT_FOUND', `${kind} ${JSON.stringify(id)} not found`);
    this.name = 'NotFoundError';
  }
}

/** A save based on a stale version; nothing was written. */
export class ConflictError extends WeftError {
  constructor(
    readonly currentVersion: number,
    expectedVersion: number,
  ) {
    super('CONFLICT', `the workflow changed since version ${expectedVersion}; it is now at version ${currentVersion}`, undefined, {
      currentVersion,
    });
    this.name = 'ConflictError';
  }
}

/** One problem with an input value or document, at a JSON path. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** Bad input: a call's arguments or a document; every problem is listed. */
export class InvalidInputError extends WeftError {
  constructor(readonly problems: readonly InputProblem[]) {
    const first = problems[0];
    super(
      'INVALID_INPUT',
      first ? `${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}` : 'invalid input',
      first?.path,
      { problems },
    );
    this.name = 'InvalidInputError';
  }
}

/** A workflow uses node types its workspace's policy denies. */
export class PolicyDeniedError extends WeftError {
  constructor(readonly nodeIds: readonly string[], types: readonly string[]) {
    super('POLICY_DENIED', `the workspace policy does not allow ${types.join(', ')} (nodes ${nodeIds.join(', ')})`, undefined, {
      nodeIds,
      types,
    });
    this.name = 'PolicyDeniedError';
  }
}

/** The database was made by a newer Weft. */
export class DatabaseTooNewError extends WeftError {
  constructor(found: number, known: number) {
    super('DATABASE_TOO_NEW', `the database was made by a newer Weft (schema ${found}; this one knows up to ${known}); update Weft to open it`);
    this.name = 'DatabaseTooNewError';
  }
}

/** An imported workflow needs plugins that are not installed. */
export class MissingPluginsError extends WeftError {
  constructor(readonly plugins: ReadonlyArray<{ plugin: string; version?: string }>) {
    super('MISSING_PLUGINS', `missing plugins: ${plugins.map((p) => (p.version ? `${p.plugin}@${p.version}` : p.plugin)).join(', ')}`, 'requires', {
      plugins,
    });
    this.name = 'MissingPluginsError';
  }
}
