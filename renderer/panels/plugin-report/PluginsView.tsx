// The plugins (panel `plugins`): the workspace's load report with a status, reason, warnings, load time
// and node types per plugin; filters by status and category, text search; "Reload" loads every plugin
// again and refreshes the palette's node types.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PluginsReport, PluginStatus } from '../../../preload/contract.js';
import { errorMessage } from '../../api/client.js';
import { useApiClient, useCommands } from '../../app/app-context.js';
import { reportFailure } from '../../app/commands/report-error.js';
import { formatDuration } from '../../canvas/node-status.js';
import { useUiStore } from '../../stores/ui.store.js';
import { useNow } from '../run/use-now.js';
import { PluginCard } from './PluginCard.js';
import { categoriesOf, filterPlugins, NO_FILTER, statusCounts, type PluginFilter } from './plugin-filter.js';
import './plugins.css';

const STATUSES: readonly PluginStatus[] = ['loaded', 'failed', 'refused'];

function ReloadProgress({ since, count }: { since: number; count: number }) {
  const now = useNow(100);
  return (
    <div className="plugins-progress" role="status" data-testid="plugins-reloading">
      <div className="progress-bar" aria-hidden="true">
        <span />
      </div>
      <span className="muted ui-small">
        Reloading {count > 0 ? `${count} plugins` : 'plugins'}… {formatDuration(Math.max(0, now - since))}
      </span>
    </div>
  );
}

export function PluginsView() {
  const client = useApiClient();
  const { workspaces } = useCommands();
  const workspaceId = useUiStore((s) => s.workspaceId);
  const [report, setReport] = useState<PluginsReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloadingSince, setReloadingSince] = useState<number | null>(null);
  const [lastReload, setLastReload] = useState<string | null>(null);
  const [filter, setFilter] = useState<PluginFilter>(NO_FILTER);

  useEffect(() => {
    if (!workspaceId) return;
    let current = true;
    setReport(null);
    client.invoke('plugins.list', { workspaceId }).then(
      (r) => current && (setReport(r), setError(null)),
      (err: unknown) => current && setError(errorMessage(err)),
    );
    return () => {
      current = false;
    };
  }, [client, workspaceId]);

  const reload = useCallback(async () => {
    if (!workspaceId || reloadingSince !== null) return;
    const started = Date.now();
    setReloadingSince(started);
    try {
      const next = await client.invoke('plugins.reload', { workspaceId });
      setReport(next);
      setError(null);
      const c = next.stats.plugins.byStatus;
      setLastReload(
        `Reloaded in ${formatDuration(Date.now() - started)}: ${c.loaded} loaded, ${c.failed} failed, ${c.refused} refused.`,
      );
      // The palette shows the node types the reload left.
      await workspaces.refreshCatalog();
    } catch (err) {
      reportFailure('Plugins not reloaded', err, 'plugins');
    } finally {
      setReloadingSince(null);
    }
  }, [client, workspaceId, workspaces, reloadingSince]);

  const plugins = useMemo(() => report?.plugins ?? [], [report]);
  const shown = useMemo(() => filterPlugins(plugins, filter), [plugins, filter]);
  const counts = useMemo(() => statusCounts(plugins), [plugins]);
  const categories = useMemo(() => categoriesOf(plugins), [plugins]);
  const stats = report?.stats;

  return (
    <div className="plugins-panel" data-testid="plugins-view">
      <div className="plugins-toolbar">
        <span className="muted ui-small">
          {stats
            ? `${stats.plugins.total} plugins · ${stats.nodeTypes.total} node types · ${formatDuration(stats.loadTime.totalMs)}${
                stats.loadTime.slowest ? ` (slowest ${stats.loadTime.slowest})` : ''
              }`
            : error
              ? ''
              : 'Loading…'}
        </span>
        <span className="ui-spacer" />
        <button
          type="button"
          data-testid="plugins-reload"
          onClick={() => void reload()}
          disabled={reloadingSince !== null || !workspaceId}
          title="Load every plugin of the plugins folder again"
        >
          ↻ Reload
        </button>
      </div>
      {reloadingSince !== null && <ReloadProgress since={reloadingSince} count={plugins.length} />}
      {lastReload && reloadingSince === null && (
        <p className="muted ui-small plugins-last-reload" role="status">
          {lastReload}
        </p>
      )}
      <div className="plugins-filters">
        <span className="plugin-status-filters" role="group" aria-label="Status">
          <button
            type="button"
            aria-pressed={filter.status === 'all'}
            onClick={() => setFilter({ ...filter, status: 'all' })}
          >
            All {plugins.length}
          </button>
          {STATUSES.map((st) => (
            <button
              key={st}
              type="button"
              className={`plugin-filter-${st}`}
              data-testid={`plugins-status-${st}`}
              aria-pressed={filter.status === st}
              onClick={() => setFilter({ ...filter, status: filter.status === st ? 'all' : st })}
            >
              {st} {counts[st]}
            </button>
          ))}
        </span>
        <div className="panel-row plugins-search-row">
          <input
            type="search"
            className="panel-search"
            placeholder="Search plugins"
            title="Searches plugin names, node types, tags, reasons and warnings"
            aria-label="Search plugins, node types, tags, reasons and warnings"
            data-testid="plugins-search"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
          <select
            aria-label="Category"
            data-testid="plugins-category"
            value={filter.category}
            onChange={(e) => setFilter({ ...filter, category: e.target.value })}
          >
            <option value="all">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <p className="run-error panel-note">Could not list plugins: {error}</p>}
      <ul className="plugin-list panel-scroll" data-testid="plugin-list">
        {shown.map((p) => (
          <PluginCard key={p.name} plugin={p} />
        ))}
        {report && shown.length === 0 && (
          <li className="muted panel-note">
            {plugins.length === 0 ? 'No plugins.' : 'No plugin matches.'}{' '}
            {plugins.length > 0 && (
              <button type="button" className="ui-link-button" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </button>
            )}
          </li>
        )}
      </ul>
    </div>
  );
}
