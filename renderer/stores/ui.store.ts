// What the editor shows and where the user is: selection, open panels, theme, the open workspace and
// workflow (id and saved version), notices and the dialog. Not undoable.
import { create } from 'zustand';
import { readSetting, writeSetting } from './local-settings.js';

export type Theme = 'light' | 'dark';
/** Where a panel lives in the shell (see app/panels.ts). */
export type PanelSlot = 'left' | 'right' | 'bottom';

export interface Selection {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

/** A message shown above the canvas; `problem` ones carry `data-testid="problem"`. */
export interface Notice {
  readonly id: number;
  readonly kind: 'problem' | 'info';
  readonly text: string;
  /** A later notice with the same source replaces this one (a refused connection, the last save). */
  readonly source?: string;
}

/** A choice put to the user; `choices` are buttons, the first is the default. */
export interface ChoiceDialog {
  readonly kind: 'choice';
  readonly title: string;
  readonly message: string;
  readonly choices: ReadonlyArray<{ label: string; testId?: string; run: () => void }>;
}

/** A dialog some panel registered (app/dialogs.ts), with its own props. */
export interface CustomDialog {
  readonly kind: string;
  readonly props?: unknown;
}

export interface UiState {
  readonly selection: Selection;
  /** The panel shown in each slot (its registry id), or null for the slot collapsed. */
  readonly panels: Readonly<Record<PanelSlot, string | null>>;
  readonly theme: Theme;
  readonly workspaceId: string | null;
  /** The open workflow, null while it has never been saved. */
  readonly workflowId: string | null;
  /** The version the document was loaded or saved as; `workflows.update` sends it as `expectedVersion`. */
  readonly version: number | null;
  /** What is being waited on: `save`, `run`, `open`… (buttons disable themselves). */
  readonly busy: Readonly<Record<string, boolean>>;
  readonly notices: readonly Notice[];
  readonly dialog: ChoiceDialog | CustomDialog | null;
}

export interface UiActions {
  select(selection: Selection): void;
  clearSelection(): void;
  /** Shows `panelId` in its slot; `null` collapses the slot. */
  openPanel(slot: PanelSlot, panelId: string | null): void;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  setWorkspace(workspaceId: string | null): void;
  /** The open workflow and its saved version (after open, save, new). */
  setWorkflow(workflowId: string | null, version: number | null): void;
  setBusy(what: string, busy: boolean): void;
  /** Shows a notice; answers its id. */
  notify(kind: Notice['kind'], text: string, source?: string): number;
  dismiss(id: number): void;
  /** Removes every notice from `source`. */
  dismissSource(source: string): void;
  openDialog(dialog: ChoiceDialog | CustomDialog): void;
  closeDialog(): void;
}

export type UiStoreState = UiState & UiActions;

/** Notices kept at once (oldest dropped). */
export const MAX_NOTICES = 5;
const EMPTY_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

function initialTheme(): Theme {
  const saved = readSetting('theme');
  if (saved === 'light' || saved === 'dark') return saved;
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return prefersDark ? 'dark' : 'light';
}

export function createUiStore() {
  let noticeIds = 0;
  return create<UiStoreState>()((set, get) => ({
    selection: EMPTY_SELECTION,
    panels: { left: 'palette', right: 'inspector', bottom: 'run' },
    theme: initialTheme(),
    workspaceId: readSetting('workspaceId'),
    workflowId: null,
    version: null,
    busy: {},
    notices: [],
    dialog: null,

    select: (selection) => set({ selection }),
    clearSelection: () => {
      if (get().selection !== EMPTY_SELECTION) set({ selection: EMPTY_SELECTION });
    },
    openPanel: (slot, panelId) => set({ panels: { ...get().panels, [slot]: panelId } }),
    setTheme(theme) {
      writeSetting('theme', theme);
      set({ theme });
    },
    toggleTheme: () => get().setTheme(get().theme === 'dark' ? 'light' : 'dark'),
    setWorkspace(workspaceId) {
      writeSetting('workspaceId', workspaceId);
      set({ workspaceId });
    },
    setWorkflow: (workflowId, version) => set({ workflowId, version }),
    setBusy: (what, busy) => set({ busy: { ...get().busy, [what]: busy } }),
    notify(kind, text, source) {
      const id = ++noticeIds;
      const kept = get().notices.filter((n) => source === undefined || n.source !== source);
      set({ notices: [...kept, { id, kind, text, ...(source ? { source } : {}) }].slice(-MAX_NOTICES) });
      return id;
    },
    dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    dismissSource: (source) => {
      const kept = get().notices.filter((n) => n.source !== source);
      if (kept.length !== get().notices.length) set({ notices: kept });
    },
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
  }));
}

export const useUiStore = createUiStore();
