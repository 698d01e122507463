// The isolated plugin runner: plugin code runs in a separate process, reached over JSON messages.
export { createRunnerClient, type PluginRunnerClient, type RunnerClientOptions } from './client.js';
export { forkLauncher, type ForkLauncherOptions, type RunnerLauncher, type RunnerProcess } from './launcher.js';
export { RunnerError } from './errors.js';
