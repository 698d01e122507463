// The runner broker with real processes: a stand-in for Electron's utilityProcess (a forked Node child
// with an Electron-like parentPort) running a small echo script in place of the plugin runner. The
// real runner, brokered for the real backend, is driven in backend-client.test.ts.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunnerNews } from '../backend/protocol.js';
import { fakeUtilityProcess } from '../plugins/runner/testing/fake-utility-process.js';
import { createRunnerBroker, type RunnerBroker } from './runner-broker.js';

const echo = fileURLToPath(new URL('./testing/echo-utility.mjs', import.meta.url));
const brokers: RunnerBroker[] = [];
afterEach(() => {
  for (const broker of brokers.splice(0)) broker.closeAll();
});

function setup(maxRunners?: number) {
  const electron = fakeUtilityProcess();
  const news: RunnerNews[] = [];
  const log: string[] = [];
  const broker = createRunnerBroker({
    utilityProcess: electron,
    runnerScript: echo,
    heapMb: 64,
    tell: (n) => news.push(n),
    log: (m) => log.push(m),
    ...(maxRunners === undefined ? {} : { maxRunners }),
  });
  brokers.push(broker);
  return { electron, news, log, broker };
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the runner broker', () => {
  it('starts a runner as a utility process with a heap limit and no inherited environment, and passes text both ways', async () => {
    const { electron, news, broker } = setup();
    broker.handle({ t: 'runner.spawn', runner: 7 });
    broker.handle({ t: 'runner.spawn', runner: 7 });
    expect(electron.forks).toHaveLength(1);
    expect(electron.forks[0]).toMatchObject({
      modulePath: echo,
      options: {
        execArgv: ['--max-old-space-size=64'],
        env: { NODE_ENV: expect.any(String) },
        serviceName: 'Weft plugin runner',
      },
    });
    broker.handle({ t: 'runner.send', runner: 7, text: '{"id":1}' });
    await expect
      .poll(() => news.filter((n) => n.t === 'runner.message'))
      .toEqual([{ t: 'runner.message', runner: 7, text: 'echo:{"id":1}' }]);
    expect(news[0]).toEqual({ t: 'runner.spawned', runner: 7, pid: electron.forks[0]?.child.pid });
    expect(broker.size).toBe(1);
  });

  it('reports a runner’s exit with its code and last stderr words', async () => {
    const { news, broker } = setup();
    broker.handle({ t: 'runner.spawn', runner: 1 });
    broker.handle({ t: 'runner.send', runner: 1, text: 'exit:3' });
    await expect
      .poll(() => news.find((n) => n.t === 'runner.exit'))
      .toEqual({
        t: 'runner.exit',
        runner: 1,
        code: 3,
        detail: 'echo: leaving as asked',
      });
    expect(broker.size).toBe(0);
    broker.handle({ t: 'runner.send', runner: 1, text: 'too late' });
  });

  it('kills a runner on request, and every runner at closeAll, telling nothing after', async () => {
    const { electron, news, broker } = setup();
    broker.handle({ t: 'runner.spawn', runner: 1 });
    broker.handle({ t: 'runner.spawn', runner: 2 });
    broker.handle({ t: 'runner.spawn', runner: 3 });
    await expect.poll(() => news.filter((n) => n.t === 'runner.spawned')).toHaveLength(3);
    const [one, two, three] = electron.forks.map((f) => f.child.pid);
    broker.handle({ t: 'runner.kill', runner: 1 });
    await expect.poll(() => news.find((n) => n.t === 'runner.exit')).toMatchObject({ runner: 1 });
    expect(alive(one)).toBe(false);

    broker.closeAll();
    await expect.poll(() => [alive(two), alive(three)]).toEqual([false, false]);
    expect(news.filter((n) => n.t === 'runner.exit')).toHaveLength(1);
    broker.handle({ t: 'runner.spawn', runner: 4 });
    expect(electron.forks).toHaveLength(3);
  });

  it('refuses runners beyond the limit, as an exit the backend sees', () => {
    const { electron, news, log, broker } = setup(1);
    broker.handle({ t: 'runner.spawn', runner: 1 });
    broker.handle({ t: 'runner.spawn', runner: 2 });
    expect(electron.forks).toHaveLength(1);
    expect(news).toContainEqual({
      t: 'runner.exit',
      runner: 2,
      code: null,
      detail: 'too many plugin runners',
    });
    expect(log.join('\n')).toContain('refused to start plugin runner 2');
  });
});
