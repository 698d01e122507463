// The node types the open workspace can use (`nodeTypes.list`, plugin nodes included): the palette
// lists them, node views draw their ports from them, the inspector reads their params schema.
import { create } from 'zustand';
import type { NodeTypeDescriptor } from '../../preload/contract.js';

export interface CatalogState {
  readonly types: readonly NodeTypeDescriptor[];
  readonly byType: Readonly<Record<string, NodeTypeDescriptor>>;
  /** False until the first list arrived (node views then say "loading" rather than "unknown type"). */
  readonly loaded: boolean;
  setTypes(types: readonly NodeTypeDescriptor[]): void;
}

export const useCatalogStore = create<CatalogState>()((set) => ({
  types: [],
  byType: {},
  loaded: false,
  setTypes: (types) =>
    set({ types, byType: Object.fromEntries(types.map((t) => [t.type, t])), loaded: true }),
}));

export const selectNodeType = (type: string) => (s: CatalogState) => s.byType[type];

/** Palette entries matching `query` (type, title, category, tags, description), grouped by category. */
export function groupForPalette(
  types: readonly NodeTypeDescriptor[],
  query: string,
): Array<{ category: string; types: NodeTypeDescriptor[] }> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, NodeTypeDescriptor[]>();
  for (const t of types) {
    const text = [t.type, t.title, t.category, t.description, ...t.tags].join(' ').toLowerCase();
    if (!words.every((w) => text.includes(w))) continue;
    const category = t.category || 'Other';
    const list = groups.get(category);
    if (list) list.push(t);
    else groups.set(category, [t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, list]) => ({ category, types: list.sort((a, b) => a.title.localeCompare(b.title)) }));
}
