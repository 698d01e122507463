/**
 * Finds the cycles of a directed graph given as adjacency lists over node indexes: returns one node
 * list per strongly connected component that contains a cycle, each in an order that walks the cycle.
 * Iterative Tarjan, so 10,000-node chains do not exhaust the stack.
 */
export function findCycles(nodeCount: number, successors: ReadonlyArray<readonly number[]>): number[][] {
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  const callStack: Array<[node: number, nextChild: number]> = [];

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    callStack.push([root, 0]);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const frame = callStack[callStack.length - 1]!;
      const [v, i] = frame;
      const succ = successors[v]!;
      if (i < succ.length) {
        frame[1] = i + 1;
        const w = succ[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callStack.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      callStack.pop();
      if (callStack.length > 0) {
        const parent = callStack[callStack.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || succ.includes(v)) cycles.push(orderCycle(component, successors));
      }
    }
  }
  return cycles;
}

/** Orders a component's nodes along one cycle through its smallest index, for a readable message. */
function orderCycle(component: number[], successors: ReadonlyArray<readonly number[]>): number[] {
  const members = new Set(component);
  const start = Math.min(...component);
  // Breadth-first search for the shortest way back to `start` inside the component.
  const previous = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const w of successors[v]!) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let p = v; p !== start; ) {
          p = previous.get(p)!;
          path.push(p);
        }
        return path.reverse();
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component.sort((a, b) => a - b);
}
