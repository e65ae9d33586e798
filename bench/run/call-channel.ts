/**
 * A synchronous call channel between a host thread and one worker thread: a `MessagePort` carries
 * the payloads, two `Int32Array` slots of a `SharedArrayBuffer` carry the sequence numbers.
 *
 * Why each rule holds (every one of them was needed):
 * - The sender posts its message *before* it publishes the sequence number. `postMessage` puts the
 *   message in the receiver's queue synchronously, so once a reader sees the number, the message
 *   is there: a message can never be late.
 * - A reader wakes on a *changed number*, never on a notify alone. `Atomics.notify` can land late:
 *   a host descheduled between its store and its notify wakes the worker after the worker has
 *   already served that call (it saw the new number without sleeping) and gone back to sleep. The
 *   old worker loop took that stray wake-up for a new call, found no message, answered a phantom
 *   call, and from then on every answer the host read belonged to the previous call (seen on a
 *   loaded machine as `Cannot read properties of undefined (reading 'type')`, then a controller
 *   answering the observation before the one it was shown).
 * - Every message carries its sequence number and the reader checks it: should any of the above
 *   ever break, the call fails loudly with a protocol error instead of pairing a question with
 *   another call's answer.
 * - The host may post the next call before it waits for the one the worker is serving (at most
 *   {@link MAX_CALLS_IN_FLIGHT} in flight), so the worker goes from one answer straight to the next
 *   question. Both sides therefore compare numbers by order, never by equality: the worker serves
 *   the call after the last it served once the host's number has passed it (a host quick enough
 *   can publish two numbers before the worker looks once), and the host's wait for call `seq` ends
 *   once the worker's number reaches it (the worker may have answered the next one too). Messages
 *   on a port arrive in the order they were posted, so the next queued message is the one owed.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** Slot of the last call the host published. */
const CALL_SLOT = 0;
/** Slot of the last call the worker answered. */
const ANSWER_SLOT = 1;

/** The shared memory of one channel: pass `buffer` to the worker in its `workerData`. */
export function createChannelFlags(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** One message on the channel: the payload and the number of the call it belongs to. */
interface Envelope<T> {
  seq: number;
  body: T;
}

/** The outcome of a host's wait for an answer. */
export type AwaitedAnswer<A> = { kind: 'answer'; body: A } | { kind: 'timeout' } | { kind: 'protocol'; reason: string };

/** Calls a host may have posted and not yet taken the answer of. */
export const MAX_CALLS_IN_FLIGHT = 2;

/**
 * Host side: calls answered in the order posted, each waited for synchronously with a wall-clock
 * budget; up to {@link MAX_CALLS_IN_FLIGHT} may be in flight.
 */
export class CallChannelHost<C, A> {
  private seq = 0;
  /** The last call whose answer was taken (or given up on). */
  private taken = 0;

  constructor(
    private readonly flags: Int32Array,
    private readonly port: MessagePort,
  ) {}

  /**
   * Sends `body` and blocks until the worker's answer to it or until `budgetMs` passed.
   * `transfer` lists buffers moved (not copied) into the worker.
   */
  call(body: C, budgetMs: number, transfer: ArrayBuffer[] = []): AwaitedAnswer<A> {
    return this.answer(this.post(body, transfer), budgetMs);
  }

  /**
   * Sends `body` without waiting; returns the call's number, for {@link answer}.
   * @throws Error when {@link MAX_CALLS_IN_FLIGHT} calls are already in flight.
   */
  post(body: C, transfer: ArrayBuffer[] = []): number {
    if (this.seq - this.taken >= MAX_CALLS_IN_FLIGHT) throw new Error(`call channel: ${MAX_CALLS_IN_FLIGHT} calls already in flight`);
    const seq = ++this.seq;
    this.port.postMessage({ seq, body } satisfies Envelope<C>, transfer);
    Atomics.store(this.flags, CALL_SLOT, seq);
    Atomics.notify(this.flags, CALL_SLOT);
    return seq;
  }

  /**
   * Blocks until the worker's answer to call `seq` (the oldest one in flight), or until `budgetMs`
   * passed from now.
   */
  answer(seq: number, budgetMs: number): AwaitedAnswer<A> {
    if (seq !== this.taken + 1) return { kind: 'protocol', reason: `call ${seq} was waited for before call ${this.taken + 1}` };
    this.taken = seq;
    const deadline = performance.now() + budgetMs;
    for (;;) {
      const answered = Atomics.load(this.flags, ANSWER_SLOT);
      if (answered >= seq) break;
      const leftMs = deadline - performance.now();
      if (leftMs <= 0) return { kind: 'timeout' };
      Atomics.wait(this.flags, ANSWER_SLOT, answered, leftMs);
    }
    const received = receiveMessageOnPort(this.port)?.message as Envelope<A> | undefined;
    if (!received) return { kind: 'protocol', reason: `call ${seq} was marked answered but no answer was queued` };
    if (received.seq !== seq) return { kind: 'protocol', reason: `call ${seq} received the answer to call ${received.seq}` };
    return { kind: 'answer', body: received.body };
  }
}

/**
 * Worker side: serves calls forever, one at a time, synchronously (the worker's event loop never
 * turns again). `handle` must not throw; `encodeFailure` turns an answer that cannot be copied
 * out of the worker into one that can.
 * @throws Error when the channel's protocol is broken (a number without its message): the worker
 *   then dies and the host reports it, rather than answering the wrong call.
 */
export function serveCalls<C, A>(flags: Int32Array, port: MessagePort, handle: (body: C) => A, encodeFailure: (error: unknown) => A): never {
  // Calls are numbered from 1; the host may publish call 1 before this thread gets here.
  let served = 0;
  for (;;) {
    // A wake-up is a new call only if the number moved: a late notify meant for an earlier call
    // wakes this thread without one. The host may have published the one after it too.
    while (Atomics.load(flags, CALL_SLOT) <= served) Atomics.wait(flags, CALL_SLOT, served);
    const seq = served + 1;
    served = seq;
    const received = receiveMessageOnPort(port)?.message as Envelope<C> | undefined;
    if (!received || received.seq !== seq) throw new Error(`call channel: call ${seq} has ${received ? `the message of call ${received.seq}` : 'no message'}`);
    const answer = handle(received.body);
    try {
      port.postMessage({ seq, body: answer } satisfies Envelope<A>);
    } catch (error) {
      port.postMessage({ seq, body: encodeFailure(error) } satisfies Envelope<A>);
    }
    Atomics.store(flags, ANSWER_SLOT, seq);
    Atomics.notify(flags, ANSWER_SLOT);
  }
}
