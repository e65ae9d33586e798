import { once } from 'node:events';
import { MessageChannel, type Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { CallChannelHost, createChannelFlags, MAX_CALLS_IN_FLIGHT } from '../../bench/run/call-channel.ts';
import { startTsWorker } from '../../bench/run/ts-worker.ts';

const ENTRY = new URL('../fixtures/echo-call-worker.ts', import.meta.url).href;
let worker: Worker | null = null;

/** Starts the echo worker and waits until it serves (as the isolated controller does). */
async function startEcho(startAfterMs = 0) {
  const flags = createChannelFlags();
  const { port1, port2 } = new MessageChannel();
  worker = startTsWorker(ENTRY, { workerData: { flags: flags.buffer, port: port2, startAfterMs }, transferList: [port2] });
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

  it('takes the next call while one is in flight: answers come in the order posted, each with its own number', async () => {
    const { host } = await startEcho();
    let seq = host.post({ n: 0 });
    for (let n = 1; n <= 2_000; n++) {
      // The next question goes out before the answer owed is taken, as a pipelined controller does.
      const next = host.post({ n });
      expect(host.answer(seq, 30_000), `call ${n - 1}`).toEqual({ kind: 'answer', body: { n: n - 1, doubled: 2 * (n - 1) } });
      seq = next;
    }
    expect(host.answer(seq, 30_000)).toEqual({ kind: 'answer', body: { n: 2_000, doubled: 4_000 } });
  });

  it('serves two calls published before the worker first looks, and refuses a third in flight', async () => {
    // The worker sleeps before serving, so both numbers are published before it reads one.
    const { host } = await startEcho(300);
    const first = host.post({ n: 1 });
    const second = host.post({ n: 2 });
    expect(MAX_CALLS_IN_FLIGHT).toBe(2);
    expect(() => host.post({ n: 3 })).toThrow(/2 calls already in flight/);
    expect(host.answer(second, 30_000)).toEqual({ kind: 'protocol', reason: 'call 2 was waited for before call 1' });
    expect(host.answer(first, 30_000)).toEqual({ kind: 'answer', body: { n: 1, doubled: 2 } });
    expect(host.answer(second, 30_000)).toEqual({ kind: 'answer', body: { n: 2, doubled: 4 } });
    expect(host.call({ n: 3 }, 30_000)).toEqual({ kind: 'answer', body: { n: 3, doubled: 6 } });
  });

  it('reports a timeout when the worker is gone, instead of waiting forever', async () => {
    const { host } = await startEcho();
    expect(host.call({ n: 1 }, 60_000).kind).toBe('answer');
    await worker!.terminate();
    expect(host.call({ n: 2 }, 200)).toEqual({ kind: 'timeout' });
  });
});
