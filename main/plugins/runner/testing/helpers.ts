// Shared by the runner's tests: the plugins they load, a client that is closed after each test, calls.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import type { PluginToLoad, RunCall } from '../../types.js';
import { createRunnerClient, type PluginRunnerClient, type RunnerClientOptions } from '../client.js';
import { forkLauncher, type ForkLauncherOptions } from '../launcher.js';

// CI checks out ../shared beside the repo.
const conformance = resolve(process.cwd(), '../shared/conformance');
export const plugin = (name: string, dir: string): PluginToLoad => ({ name, dir, main: 'index.js' });
export const testkit = plugin('weft-plugin-testkit', resolve(conformance, 'plugins/weft-plugin-testkit'));
export const hello = plugin('a-hello', resolve(conformance, 'plugins-bad/a-hello'));
export const throwsOnLoad = plugin('throws-on-load', resolve(conformance, 'plugins-bad/throws-on-load'));
export const slowInit = plugin('slow-init', resolve(conformance, 'plugins-bad/slow-init'));
export const fixtures = plugin('weft-plugin-runner-fixtures', fileURLToPath(new URL('./fixtures', import.meta.url)));
export const spinInit = plugin('spin-init', fileURLToPath(new URL('./spin-init', import.meta.url)));

export const clients: PluginRunnerClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

export async function client(
  plugins: PluginToLoad[] = [testkit, hello, fixtures],
  options: RunnerClientOptions = {},
  launch: ForkLauncherOptions = {},
): Promise<PluginRunnerClient> {
  const c = createRunnerClient(forkLauncher(launch), options);
  clients.push(c);
  const results = await c.load(plugins, { timeoutMs: 2_000, concurrency: 5 });
  expect(results.filter((r) => r.status !== 'loaded')).toEqual([]);
  return c;
}

const pluginOf: Record<string, string> = { testkit: testkit.name, hello: hello.name, fixture: fixtures.name };
export function call(type: string, params: Record<string, unknown> = {}, inputs: Record<string, unknown> = {}, attempt = 1): RunCall {
  return { plugin: pluginOf[type.split('.')[0] ?? ''] ?? '?', type, inputs, params, attempt, nodeId: 'n1', runId: 'r1', workspaceId: 'w1' };
}
export const never: AbortSignal = new AbortController().signal;
export const noLog = (): void => undefined;
export const timeoutError = (): Error => Object.assign(new Error('node timed out'), { code: 'TIMEOUT' });

