import { parentPort, workerData } from 'node:worker_threads';
import type { ScenarioSpecInput } from '../../sim/index.ts';
import { EnvSession, type MakeRequest } from './env-session.ts';

/** One vectorised-env worker thread: a few envs, stepped on request; an ended episode resets itself. `spec`: `make.scenario`, resolved by the main thread. */
const { make, spec, seeds } = workerData as { make: MakeRequest; spec: ScenarioSpecInput; seeds: number[] };
const sessions = seeds.map(() => new EnvSession(false, () => spec));

parentPort!.on('message', async (msg: { cmd: 'init' | 'reset' | 'step' | 'close'; actions?: number[][] }) => {
  try {
    if (msg.cmd === 'init') {
      for (const [k, s] of sessions.entries()) await s.handle({ ...make, cmd: 'make', form: 'single', seed: seeds[k] });
      parentPort!.postMessage({ ok: true });
    } else if (msg.cmd === 'reset') {
      const out = [];
      for (const [k, s] of sessions.entries()) out.push(await s.handle({ cmd: 'reset', seed: seeds[k] }));
      parentPort!.postMessage({ ok: true, results: out });
    } else if (msg.cmd === 'step') {
      const out = [];
      for (const [k, s] of sessions.entries()) {
        const r = await s.handle({ cmd: 'step', action: msg.actions![k] });
        if (r.terminated || r.truncated) {
          seeds[k]! += 1;
          const again = await s.handle({ cmd: 'reset', seed: seeds[k] });
          r.finalObservation = r.observation;
          r.observation = again.observation;
        }
        out.push(r);
      }
      parentPort!.postMessage({ ok: true, results: out });
    } else {
      for (const s of sessions) s.close();
      parentPort!.postMessage({ ok: true });
    }
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
