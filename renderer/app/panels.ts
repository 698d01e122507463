// The shell's extension point: a panel is a component registered for a slot. The left slot stacks its
// panels; the right and bottom slots show one at a time as tabs (ui.store `panels[slot]` names it).
// To add a panel: write it under renderer/panels/<name>/ and register it in renderer/panels/index.ts.
import type { ComponentType } from 'react';
import type { PanelSlot } from '../stores/ui.store.js';

export interface PanelDefinition {
  /** Unique; also what `useUiStore.getState().openPanel(slot, id)` takes. */
  readonly id: string;
  readonly slot: PanelSlot;
  readonly title: string;
  /** Lower first; default 100. */
  readonly order?: number;
  readonly component: ComponentType;
  /** Shown beside the tab's title, e.g. a count; renders nothing when there is nothing to say. */
  readonly badge?: ComponentType;
}

const panels = new Map<string, PanelDefinition>();
const listeners = new Set<() => void>();
let version = 0;

export function registerPanel(panel: PanelDefinition): void {
  if (panels.has(panel.id)) throw new Error(`panel ${panel.id} is registered twice`);
  panels.set(panel.id, panel);
  version++;
  for (const cb of listeners) cb();
}

export function panelsIn(slot: PanelSlot): PanelDefinition[] {
  return [...panels.values()]
    .filter((p) => p.slot === slot)
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.title.localeCompare(b.title));
}

/** For useSyncExternalStore: panels may be registered after the first render (lazy features). */
export function subscribePanels(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export const panelsVersion = (): number => version;
