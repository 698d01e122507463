// One plugin of the load report: status (coloured), name and version, why it failed or was refused,
// its warnings, how long it took to load and the node types it provides or declares.
import { useState } from 'react';
import type { PluginInfo } from '../../../preload/contract.js';
import { formatDuration } from '../../canvas/node-status.js';
import { categoryOf } from './plugin-filter.js';

const NODES_SHOWN = 12;

export function PluginCard({ plugin }: { plugin: PluginInfo }) {
  const [allNodes, setAllNodes] = useState(false);
  const nodes = allNodes ? plugin.nodes : plugin.nodes.slice(0, NODES_SHOWN);
  return (
    <li className={`plugin-card plugin-${plugin.status}`} data-testid={`plugin-item-${plugin.name}`} data-status={plugin.status}>
      <div className="plugin-head">
        <span className={`plugin-status plugin-status-${plugin.status}`}>{plugin.status}</span>
        <strong className="plugin-title" title={plugin.name}>
          {plugin.displayName ?? plugin.name}
        </strong>
        <span className="muted ui-small">{plugin.version}</span>
        <span className="ui-spacer" />
        {plugin.durationMs !== null && (
          <span className="muted ui-small" title="Import and init time">
            {formatDuration(plugin.durationMs)}
          </span>
        )}
      </div>
      <div className="plugin-meta muted ui-small">
        {plugin.displayName && <span className="mono">{plugin.name}</span>}
        <span>{categoryOf(plugin)}</span>
        {plugin.bundled && <span className="plugin-tag">bundled</span>}
        {plugin.tags.map((t) => (
          <span key={t} className="plugin-tag">
            {t}
          </span>
        ))}
      </div>
      {plugin.reason && <p className={`plugin-reason plugin-reason-${plugin.status}`}>{plugin.reason}</p>}
      {plugin.warnings.length > 0 && (
        <ul className="plugin-warnings">
          {plugin.warnings.map((w, i) => (
            <li key={i}>⚠ {w}</li>
          ))}
        </ul>
      )}
      {plugin.nodes.length > 0 && (
        <div className="plugin-nodes" aria-label={plugin.status === 'loaded' ? 'Node types' : 'Declared node types'}>
          {nodes.map((n) => (
            <span key={n} className="plugin-node mono">
              {n}
            </span>
          ))}
          {plugin.nodes.length > NODES_SHOWN && (
            <button type="button" className="ui-link-button ui-small" onClick={() => setAllNodes(!allNodes)}>
              {allNodes ? 'fewer' : `all ${plugin.nodes.length}`}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
