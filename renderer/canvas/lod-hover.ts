// The node under the pointer in the simplified drawing (there is no element per node to hover). Its
// own tiny store, so a pointer move re-renders the tooltip, not the canvas.
import { create } from 'zustand';

export const useLodHover = create<{ readonly id: string | null }>()(() => ({ id: null }));

export function setLodHover(id: string | null): void {
  if (useLodHover.getState().id !== id) useLodHover.setState({ id });
}
