// How the canvas fits the graph into view. `includeHiddenNodes`: in the simplified drawing (lod.ts)
// React Flow holds the nodes hidden, and a fit must still see them; their sizes are known up front
// (node-geometry.ts), so they count as if they were drawn.
export const FIT_VIEW = { padding: 0.15, maxZoom: 1.2, includeHiddenNodes: true } as const;
