// Dialogs other than the built-in choice dialog register here by kind, then open with
// `useUiStore.getState().openDialog({ kind, props })`; the dialog host renders the component with
// `props` and a `close` function.
import type { ComponentType } from 'react';

export interface DialogProps<P = unknown> {
  readonly props: P;
  readonly close: () => void;
}

const dialogs = new Map<string, ComponentType<DialogProps>>();

export function registerDialog<P>(kind: string, component: ComponentType<DialogProps<P>>): void {
  if (kind === 'choice' || dialogs.has(kind)) throw new Error(`dialog ${kind} is registered twice`);
  dialogs.set(kind, component as ComponentType<DialogProps>);
}

export const dialogFor = (kind: string): ComponentType<DialogProps> | undefined => dialogs.get(kind);
