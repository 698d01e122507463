// Plugin runners of the desktop app: Electron utility processes (issue 4, item 3). The launcher logic
// lives in main/plugins/runner/utility-launcher.ts and is tested in plain Node; this file only hands it
// Electron's module, and `tsc` checks here that Electron's `utilityProcess` has the shape it expects.
import { utilityProcess } from 'electron';
import type { RunnerLauncher } from '../plugins/runner/launcher.js';
import { utilityLauncher, type UtilityLauncherOptions, type UtilityProcessApi } from '../plugins/runner/utility-launcher.js';

const electronUtilityProcess: UtilityProcessApi = utilityProcess;

/** Call after the app's `ready` event: Electron refuses to fork utility processes before it. */
export function electronRunnerLauncher(options: UtilityLauncherOptions = {}): RunnerLauncher {
  return utilityLauncher(electronUtilityProcess, options);
}
