import { workflowSchema, type WorkflowDocument, type WorkflowEdge, type WorkflowNode } from '../model/document.js';
import { LIMITS } from '../model/limits.js';
import { migrateDocument } from '../model/migrate.js';
import type { NodeTypeRegistry } from '../model/node-type.js';
import { formatPath, type Problem } from '../model/problem.js';
import { checkGraph, outputPort, type Indexed } from './graph.js';
import { checkParams } from './params.js';
import { issuesToProblems } from './shape.js';
import { checkStructure, utf8Length } from './structure.js';

export type ValidationResult =
  | { ok: true; document: WorkflowDocument; problems: []; migratedFrom?: number }
  | { ok: false; problems: Problem[] };

/**
 * Parses the text of a workflow file: refuses it over the size limit before parsing, and turns a JSON
 * syntax error into a problem that says where. Forbidden keys are checked by `validateWorkflow`.
 */
export function parseWorkflowJson(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  const bytes = text.length > LIMITS.maxBytes / 4 ? utf8Length(text) : text.length;
  if (bytes > LIMITS.maxBytes) {
    return {
      ok: false,
      problems: [{ path: '$', code: 'TOO_LARGE', message: `document is ${bytes} bytes; the limit is ${LIMITS.maxBytes} (10 MiB)` }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, problems: [{ path: '$', code: 'INVALID_JSON', message: `not valid JSON: ${(e as Error).message}` }] };
  }
}

/**
 * Nodes and edges as far as the graph checks need them: an item whose other fields are wrong still
 * takes part by its id, so one bad field does not also produce a flood of "no node" problems.
 */
function graphItems<T>(items: unknown, keys: readonly string[]): Array<Indexed<T>> {
  if (!Array.isArray(items)) return [];
  const out: Array<Indexed<T>> = [];
  items.forEach((item: unknown, index) => {
    if (item === null || typeof item !== 'object') return;
    const rec = item as Record<string, unknown>;
    if (keys.every((k) => typeof rec[k] === 'string')) out.push({ index, value: item as T });
  });
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkNodeContents(nodes: ReadonlyArray<Indexed<WorkflowNode>>, registry: NodeTypeRegistry): Problem[] {
  const problems: Problem[] = [];
  for (const { index, value: node } of nodes) {
    const type = registry.get(node.type);
    if (!type) continue;
    const params: unknown = node.params ?? {};
    // A params value of the wrong shape is already reported by the shape check.
    const result = isObject(params) ? checkParams(type, params, true) : [];
    if (result instanceof Error) {
      problems.push({ path: `nodes[${index}].type`, code: 'INVALID_PARAMS', message: result.message });
    } else {
      for (const issue of result) {
        problems.push({ path: formatPath(['nodes', index, 'params', ...issue.path]), code: 'INVALID_PARAMS', message: issue.message });
      }
    }
    const fallback: unknown = isObject(node.policy) ? node.policy.fallback : undefined;
    for (const port of isObject(fallback) ? Object.keys(fallback) : []) {
      if (!outputPort(type, port) || port === 'error') {
        problems.push({
          path: formatPath(['nodes', index, 'policy', 'fallback', port]),
          code: 'INVALID_POLICY',
          message: `node type ${type.type} has no output "${port}"`,
        });
      }
    }
  }
  return problems;
}

/**
 * Applies every check of SPEC §1 "Validation" to a parsed document and reports all problems at once,
 * each with its JSON path. On success hands back the typed document (migrated to the current format).
 */
export function validateWorkflow(raw: unknown, registry: NodeTypeRegistry): ValidationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '$', code: 'INVALID_VALUE', message: 'a workflow must be a JSON object' }] };
  }
  const structure = checkStructure(raw);
  if (structure.some((p) => p.code === 'TOO_DEEP')) return { ok: false, problems: structure };

  const migrated = migrateDocument(raw as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, problems: [...structure, ...migrated.problems] };
  const doc = migrated.document;

  const shape = workflowSchema.safeParse(doc);
  const problems: Problem[] = [...structure];
  if (!shape.success) problems.push(...issuesToProblems(shape.error.issues, doc));
  const nodes = graphItems<WorkflowNode>(doc.nodes, ['id', 'type']);
  const edges = graphItems<WorkflowEdge>(doc.edges, ['id', 'source', 'sourcePort', 'target', 'targetPort']);
  if (nodes.length <= LIMITS.maxNodes && edges.length <= LIMITS.maxEdges) {
    problems.push(...checkGraph(nodes, edges, registry), ...checkNodeContents(nodes, registry));
  }
  if (problems.length > 0 || !shape.success) return { ok: false, problems };
  const result: ValidationResult = { ok: true, document: shape.data, problems: [] };
  if (migrated.migratedFrom !== undefined) result.migratedFrom = migrated.migratedFrom;
  return result;
}
