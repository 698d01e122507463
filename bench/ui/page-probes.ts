// Code that runs inside the editor page (through page.evaluate) to time what the user sees: gaps
// between animation frames, and the frame in which the canvas stops changing after an open. Each probe
// is serialized on its own, so it may use nothing from this module but its types; the page's globals
// are typed here (this project has no DOM types) as far as the probes use them.

interface ProbeElement {
  readonly style: { readonly visibility: string; readonly transform: string };
  readonly textContent: string | null;
  closest(selector: string): ProbeElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number };
}

interface ProbeDocument {
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
  elementFromPoint(x: number, y: number): ProbeElement | null;
  addEventListener(type: string, listener: () => void, options: { capture: boolean; once: boolean }): void;
}

/** What the probes keep on the page's window between calls. */
interface ProbeState {
  frames?: { gaps: number[]; running: boolean };
  open?: Promise<OpenTiming>;
}

interface ProbeWindow {
  readonly document: ProbeDocument;
  requestAnimationFrame(callback: (time: number) => void): number;
  __weftBench?: ProbeState;
}

/** How long an open took until the canvas stopped changing, and what it then showed. */
export interface OpenTiming {
  /** From the click on the workflow entry to the frame after the canvas's last change. */
  readonly ms: number;
  /**
   * Nodes drawn: node elements React Flow rendered (only the visible ones: onlyRenderVisibleElements),
   * or, zoomed out on a large graph, the boxes the simplified drawing painted (`lod-canvas`'s
   * `data-drawn`: the nodes in view).
   */
  readonly rendered: number;
  /** True when the canvas did not settle within the time allowed. */
  readonly timedOut: boolean;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Starts recording the gaps between animation frames (stopFrames answers them). */
export function startFrames(): void {
  const w = globalThis as unknown as ProbeWindow;
  const state = (w.__weftBench ??= {});
  const frames = { gaps: [] as number[], running: true };
  state.frames = frames;
  let last: number | undefined;
  const tick = (time: number): void => {
    if (!frames.running) return;
    if (last !== undefined) frames.gaps.push(time - last);
    last = time;
    w.requestAnimationFrame(tick);
  };
  w.requestAnimationFrame(tick);
}

/** Stops the recording startFrames began, and answers the gaps in ms. */
export function stopFrames(): number[] {
  const frames = (globalThis as unknown as ProbeWindow).__weftBench?.frames;
  if (!frames) return [];
  frames.running = false;
  return frames.gaps;
}

/**
 * Records frame gaps from now until `run-status` reads a finished status after having read `running`,
 * so the recording spans exactly the run the caller is about to start.
 */
export function framesUntilRunEnds(timeoutMs: number): Promise<{ gaps: number[]; timedOut: boolean }> {
  const w = globalThis as unknown as ProbeWindow;
  const finished = new Set(['succeeded', 'failed', 'cancelled']);
  return new Promise((resolve) => {
    const gaps: number[] = [];
    let last: number | undefined;
    let sawRunning = false;
    const started = performance.now();
    const tick = (time: number): void => {
      if (last !== undefined) gaps.push(time - last);
      last = time;
      const status = (w.document.querySelector('[data-testid="run-status"]')?.textContent ?? '').trim();
      if (status === 'running') sawRunning = true;
      if (sawRunning && finished.has(status)) return resolve({ gaps, timedOut: false });
      if (time - started > timeoutMs) return resolve({ gaps, timedOut: true });
      w.requestAnimationFrame(tick);
    };
    w.requestAnimationFrame(tick);
  });
}

/**
 * Arms the open timer: the next click anywhere starts it; from then on every frame compares what the
 * canvas shows (nodes rendered, nodes measured, the viewport's transform) with the frame before. The
 * open has finished once nothing changed for `quietMs`; its time runs to the start of the frame after
 * the last change (by then that change has been laid out and painted). awaitOpen answers it.
 */
export function armOpen({ quietMs, timeoutMs }: { quietMs: number; timeoutMs: number }): void {
  const w = globalThis as unknown as ProbeWindow;
  const state = (w.__weftBench ??= {});
  state.open = new Promise((resolve) => {
    w.document.addEventListener(
      'click',
      () => {
        const clickedAt = performance.now();
        let signature = '';
        let changedAt = clickedAt;
        let paintPending = true;
        let rendered = 0;
        // performance.now(), not the callback's frame time: after a long task (rendering 2,000 nodes)
        // the frame time is when the frame was due, which can be long before the work ended.
        const tick = (): void => {
          const time = performance.now();
          if (paintPending) {
            changedAt = time;
            paintPending = false;
          }
          const nodes = w.document.querySelectorAll('.react-flow__node');
          const drawn = Number(
            w.document.querySelector('[data-testid="lod-canvas"]')?.getAttribute('data-drawn') ?? 0,
          );
          let measured = drawn;
          for (let i = 0; i < nodes.length; i += 1)
            if (nodes[i]!.style.visibility !== 'hidden') measured += 1;
          const transform = w.document.querySelector('.react-flow__viewport')?.style.transform ?? '';
          const next = `${nodes.length}/${drawn}/${measured}/${transform}`;
          if (next !== signature) {
            signature = next;
            paintPending = true;
          }
          rendered = nodes.length + drawn;
          const settled =
            !paintPending && rendered > 0 && measured === rendered && time - changedAt >= quietMs;
          const timedOut = time - clickedAt > timeoutMs;
          if (settled || timedOut) return resolve({ ms: changedAt - clickedAt, rendered, timedOut });
          w.requestAnimationFrame(tick);
        };
        w.requestAnimationFrame(tick);
      },
      { capture: true, once: true },
    );
  });
}

/** The open timing armOpen measures (waits for it). */
export function awaitOpen(): Promise<OpenTiming> {
  const open = (globalThis as unknown as ProbeWindow).__weftBench?.open;
  return open ?? Promise.reject(new Error('armOpen was not called'));
}

/** React Flow's viewport: its pan offset and zoom, read from the transform it sets. */
export function readViewport(): Viewport {
  const w = globalThis as unknown as ProbeWindow;
  const transform = w.document.querySelector('.react-flow__viewport')?.style.transform ?? '';
  const match = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(transform);
  return match
    ? { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) }
    : { x: 0, y: 0, zoom: 1 };
}

/**
 * A point on the bare canvas (no node, edge or control under it) near the pane's top-left corner, where
 * a drag pans rather than moves a node; null when there is none.
 */
export function emptyPanePoint(): { x: number; y: number } | null {
  const w = globalThis as unknown as ProbeWindow;
  const pane = w.document.querySelector('.react-flow__pane');
  if (!pane) return null;
  const box = pane.getBoundingClientRect();
  for (let y = box.top + 20; y < box.bottom - 220; y += 7) {
    for (let x = box.left + 20; x < box.left + 400; x += 7) {
      const hit = w.document.elementFromPoint(x, y);
      if (!hit || !hit.closest('.react-flow__pane')) continue;
      if (hit.closest('.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__handle'))
        continue;
      return { x, y };
    }
  }
  return null;
}
