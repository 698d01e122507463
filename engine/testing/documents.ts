/** Raw (unchecked) workflow documents for the validation tests, written compactly. */
import type { NodeTypeRegistry } from '../model/node-type.js';
import type { Problem } from '../model/problem.js';
import { validateWorkflow } from '../validate/validate.js';

export type Raw = Record<string, unknown>;
/** A node as `[id, type, other keys]`. */
export type NodeSpec = [id: string, type: string, extra?: Raw];
/** An edge as `[source, target, sourcePort = "out", targetPort = "in", id = "e<index>"]`. */
export type EdgeSpec = [
  source: string,
  target: string,
  sourcePort?: string,
  targetPort?: string,
  id?: string,
];

export function rawDoc(nodes: NodeSpec[], edges: EdgeSpec[] = []): Raw {
  return {
    format: 'weft.workflow',
    formatVersion: 1,
    nodes: nodes.map(([id, type, extra]) => ({ id, type, ...extra })),
    edges: edges.map(([source, target, sourcePort = 'out', targetPort = 'in', id], i) => ({
      id: id ?? `e${i}`,
      source,
      sourcePort,
      target,
      targetPort,
    })),
  };
}

/** The problems validation finds in `raw` (none when it is valid). */
export function problemsOf(raw: unknown, registry: NodeTypeRegistry): Problem[] {
  const r = validateWorkflow(raw, registry);
  return r.ok ? [] : r.problems;
}

/** The problems of `raw` as `path CODE` lines, for exact comparisons. */
export function problemLines(raw: unknown, registry: NodeTypeRegistry): string[] {
  return problemsOf(raw, registry).map((p) => `${p.path} ${p.code}`);
}
