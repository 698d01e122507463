// Pure questions about a workflow's graph, shared by the host and the editor (which imports this file
// directly: engine/index.ts would pull in jsonata and ajv).

interface EdgeEnds {
  readonly source: string;
  readonly target: string;
}

/**
 * Every node upstream of `nodeId`: its ancestors along the edges, without itself. "Run from here"
 * reuses the recorded outputs of exactly these nodes.
 */
export function ancestorsOf(edges: readonly EdgeEnds[], nodeId: string): Set<string> {
  const parents = new Map<string, string[]>();
  for (const e of edges) {
    const list = parents.get(e.target);
    if (list) list.push(e.source);
    else parents.set(e.target, [e.source]);
  }
  const seen = new Set<string>();
  const stack = [...(parents.get(nodeId) ?? [])];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const p of parents.get(n) ?? []) stack.push(p);
  }
  return seen;
}
