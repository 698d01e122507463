/** A min-heap of node indexes ordered by topological rank: ready nodes start lowest rank first. */
export class ReadyQueue {
  private heap: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly ranks: Int32Array,
  ) {
    this.heap = new Int32Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.size;
  }

  push(node: number): void {
    if (this.size === this.heap.length) {
      const grown = new Int32Array(this.heap.length * 2);
      grown.set(this.heap);
      this.heap = grown;
    }
    const r = this.ranks[node]!;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = this.heap[parent]!;
      if (this.ranks[p]! <= r) break;
      this.heap[i] = p;
      i = parent;
    }
    this.heap[i] = node;
  }

  pop(): number {
    const top = this.heap[0]!;
    const last = this.heap[--this.size]!;
    if (this.size > 0) {
      const r = this.ranks[last]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= this.size) break;
        if (c + 1 < this.size && this.ranks[this.heap[c + 1]!]! < this.ranks[this.heap[c]!]!) c++;
        if (this.ranks[this.heap[c]!]! >= r) break;
        this.heap[i] = this.heap[c]!;
        i = c;
      }
      this.heap[i] = last;
    }
    return top;
  }
}
