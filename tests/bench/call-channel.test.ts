import { once } from 'node:events';
import { MessageChannel, type Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { CallChannelHost, createChannelFlags } from '../../bench/run/call-channel.ts';
import { startTsWorker } from '../../bench/run/ts-worker.ts';

const ENTRY = new URL('../fixtures/echo-call-worker.ts', import.meta.url).href;
let worker: Worker | null = null;

/** Starts the echo worker and waits until it serves (as the isolated controller does). */
async function startEcho() {
  const flags = createChannelFlags();
  const { port1, port2 } = new MessageChannel();
  worker = startTsWorker(ENTRY, { workerData: { flags: flags.buffer, port: port2 }, transferList: [port2] });
  await once(worker, 'message');
  return { flags, host: new CallChannelHost<{ n: number }, { n: number; doubled: number }>(flags, port1) };
}

afterEach(async () => {
  await worker?.terminate();
  worker = null;
});

describe('call channel between a host and a worker thread', () => {
  it('a late Atomics.notify (a host descheduled between its store and its notify) never makes the worker answer a phantom call', async () => {
    const { flags, host } = await startEcho();
    for (let n = 1; n <= 2_000; n++) {
      // What a loaded machine does now and then: the notify of an already served call arrives while
      // the worker sleeps again. The loop before this fix took it for a new call, answered nothing,
      // and every later answer belonged to the call before.
      Atomics.notify(flags, 0);
      const got = host.call({ n }, 30_000);
      expect(got, `call ${n}`).toEqual({ kind: 'answer', body: { n, doubled: 2 * n } });
    }
  });

  it('moves transferred buffers and answers each call with its own number', async () => {
    const { host } = await startEcho();
    for (let n = 0; n < 200; n++) {
      const buffer = new ArrayBuffer(64);
      const got = host.call({ n, buffer } as { n: number }, 60_000, [buffer]);
      expect(buffer.byteLength, 'moved, not copied').toBe(0);
      expect(got).toEqual({ kind: 'answer', body: { n, doubled: 2 * n } });
    }
  });

  it('reports a timeout when the worker is gone, instead of waiting forever', async () => {
    const { host } = await startEcho();
    expect(host.call({ n: 1 }, 60_000).kind).toBe('answer');
    await worker!.terminate();
    expect(host.call({ n: 2 }, 200)).toEqual({ kind: 'timeout' });
  });
});
