/**
 * The simulation worker started before the page's code runs (`web/streams/early-worker.ts`): made
 * once at import, handed out once, keeping any error it reported before a client listened, and
 * nothing at all where there are no workers (Node).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker: records how it was made and lets a test fire `error`. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly listeners: Array<(e: { message: string; preventDefault(): void }) => void> = [];
  prevented = 0;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, listener: (e: { message: string; preventDefault(): void }) => void): void {
    if (type === 'error') this.listeners.push(listener);
  }
  fail(message: string): void {
    for (const l of this.listeners) l({ message, preventDefault: () => (this.prevented += 1) });
  }
}

describe('early worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    FakeWorker.made = [];
  });

  it('starts one module worker at import and hands it out once, with the errors it reported meanwhile', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { takeEarlyWorker, createSimWorker } = await import('../../web/streams/early-worker.ts');
    expect(FakeWorker.made).toHaveLength(1);
    const worker = FakeWorker.made[0]!;
    expect(worker.url.pathname).toMatch(/web\/worker\/sim-worker\.ts$/);
    expect(worker.options).toEqual({ type: 'module' });
    worker.fail('chunk failed to load');
    expect(worker.prevented).toBe(1);
    const early = takeEarlyWorker();
    expect(early?.worker).toBe(worker);
    expect(early?.errors).toEqual(['chunk failed to load']);
    expect(takeEarlyWorker()).toBeNull(); // a restart makes a fresh one
    createSimWorker();
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('starts nothing where there are no workers', async () => {
    vi.stubGlobal('Worker', undefined);
    const { takeEarlyWorker } = await import('../../web/streams/early-worker.ts');
    expect(takeEarlyWorker()).toBeNull();
  });
});
