// The shell's panel slots. The left slot stacks its panels; the right and bottom slots show one panel
// at a time, chosen by tabs (ui.store `panels[slot]`).
import { useSyncExternalStore, type ReactNode } from 'react';
import { useUiStore, type PanelSlot } from '../stores/ui.store.js';
import { panelsIn, panelsVersion, subscribePanels } from './panels.js';
import { SlotResizeHandle } from './SlotResizeHandle.js';

function usePanels(slot: PanelSlot) {
  useSyncExternalStore(subscribePanels, panelsVersion);
  return panelsIn(slot);
}

export function StackedSlot({ slot, className }: { slot: PanelSlot; className: string }) {
  const panels = usePanels(slot);
  return (
    <aside className={className}>
      {panels.map(({ id, title, component: Panel }) => (
        <section key={id} aria-label={title} data-panel={id}>
          <h2 className="slot-title">{title}</h2>
          <Panel />
        </section>
      ))}
    </aside>
  );
}

export function TabbedSlot({
  slot,
  className,
  header,
}: {
  slot: PanelSlot;
  className: string;
  header?: ReactNode;
}) {
  const panels = usePanels(slot);
  const openId = useUiStore((s) => s.panels[slot]);
  const openPanel = useUiStore((s) => s.openPanel);
  const open = panels.find((p) => p.id === openId) ?? panels[0];
  const Panel = open?.component;
  return (
    <section className={className} aria-label={`${slot} panels`}>
      {slot !== 'left' && <SlotResizeHandle slot={slot} />}
      {header}
      {panels.length > 1 ? (
        <div className="tabs" role="tablist">
          {panels.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              aria-selected={p === open}
              data-testid={`tab-${p.id}`}
              onClick={() => openPanel(slot, p.id)}
            >
              {p.title}
              {p.badge && <p.badge />}
            </button>
          ))}
        </div>
      ) : (
        open && <h2 className="slot-title">{open.title}</h2>
      )}
      <div className="tab-body" role={panels.length > 1 ? 'tabpanel' : undefined}>
        {Panel && <Panel />}
      </div>
    </section>
  );
}
