/** Machine-readable kinds of validation problem. */
export type ProblemCode =
  | 'INVALID_JSON'
  | 'TOO_LARGE'
  | 'TOO_DEEP'
  | 'FORBIDDEN_KEY'
  | 'UNKNOWN_KEY'
  | 'INVALID_VALUE'
  | 'REQUIRED'
  | 'FORMAT_VERSION'
  | 'LIMIT_EXCEEDED'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_NODE_TYPE'
  | 'MISSING_NODE'
  | 'MISSING_PORT'
  | 'PORT_TYPE_MISMATCH'
  | 'PORT_TAKEN'
  | 'CYCLE'
  | 'INVALID_PARAMS'
  | 'INVALID_POLICY';

/** One thing wrong with a document, at a JSON path such as `nodes[2].params.url`. */
export interface Problem {
  readonly path: string;
  readonly message: string;
  readonly code: ProblemCode;
}

/** Renders a path of keys and indexes the way people read it: `nodes[2].params.url`. */
export function formatPath(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out === '' ? '$' : out;
}

/** Thrown when a document cannot be used; carries every problem found, not just the first. */
export class WorkflowInvalidError extends Error {
  readonly code = 'WORKFLOW_INVALID';
  constructor(readonly problems: readonly Problem[]) {
    super(
      problems.length === 1
        ? `${problems[0]!.path}: ${problems[0]!.message}`
        : `${problems.length} problems, first: ${problems[0]?.path}: ${problems[0]?.message}`,
    );
    this.name = 'WorkflowInvalidError';
  }
}
