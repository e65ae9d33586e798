import * as Comlink from 'comlink';
import { BehaviorSubject, Subject } from 'rxjs';
import type { SimEvent } from '../../sim/page-api.ts';
import { createSimWorker, takeEarlyWorker } from './early-worker.ts';
import {
  HEARTBEAT_CHECK_EVERY_MS,
  HEARTBEAT_KEY,
  HUNG_AFTER_MS,
  HUNG_WHILE_LOADING_MS,
  type AsyncSimWorkerApi,
  type CatalogInfo,
  type FrameSections,
  type LoadOptions,
  type LoadOutcome,
  type OpenFilesOutcome,
  type StepResult,
} from '../shared/protocol.ts';

/** Playback speed: a multiple of real time, or as fast as the worker goes. */
export type Speed = number | 'max';

/** Poses of the current episode at one tick. */
export interface FrameView {
  episode: number;
  tick: number;
  /** One pose array per kind, laid out as the episode's `SceneInfo.sections`. */
  sections: FrameSections;
}

/** What the client is doing. `crashed` carries the worker's message. */
export type ClientStatus = { kind: 'starting' } | { kind: 'ready' } | { kind: 'crashed'; message: string };

/** Worker milliseconds per `advance` in `max` speed: long enough to amortise messaging. */
const MAX_SPEED_BUDGET_MS = 24;
/**
 * Worker milliseconds per paced `advance` (speed ×1 … ×16): a world too slow for real time (10,000
 * robots) returns a frame after about this long, or after one tick, instead of holding the worker
 * for every tick asked for.
 */
const PACED_BUDGET_MS = 50;
/** A worker is hung only when silent for this many times its slowest recent `advance` (when that exceeds `HUNG_AFTER_MS`). */
const HUNG_ADVANCE_FACTOR = 4;
/** Longest wall-time gap one animation frame may account for, seconds. */
const MAX_BACKLOG_SEC = 0.25;

/**
 * Main-thread side of the worker: loads episodes, paces `advance` calls with an accumulator
 * (one call in flight), and publishes frames and events as rxjs streams. Results from an older
 * episode or an older worker are dropped.
 */
export class SimClient {
  readonly frames$ = new BehaviorSubject<FrameView | null>(null);
  readonly events$ = new Subject<{ episode: number; events: SimEvent[] }>();
  readonly status$ = new BehaviorSubject<ClientStatus>({ kind: 'starting' });
  playing = true;
  speed: Speed = 1;
  done = false;
  private worker!: Worker;
  private api!: Comlink.Remote<AsyncSimWorkerApi>;
  private generation = 0;
  private episode = 0;
  private hz = 30;
  private inFlight = false;
  private backlogTicks = 0;
  private lastPumpMs = -1;
  /** Wall milliseconds the worker spent in its last advance (for display). */
  lastWorkerMs = 0;
  /** Slowest recent worker milliseconds per advance (decays), which a slow world's hung limit grows with. */
  private slowAdvanceMs = 0;
  /** Main-thread milliseconds spent publishing results to subscribers since the caller last reset it. */
  publishMs = 0;
  /** When the current worker last showed a sign of life (heartbeat), page clock milliseconds. */
  private lastBeatMs = 0;
  private loading = 0;
  /** Until the current worker's first heartbeat (module and WASM start-up) and the first advance after a load (first decide, JIT): loading room. */
  private startingUp = true;
  private warmingUp = false;
  private lastCheckMs = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  /** Rejects when the current worker is lost (crashed, hung and ended), so no call to it waits forever. */
  private lost: Promise<never> = new Promise<never>(() => undefined);
  private loseWorker: (error: Error) => void = () => undefined;

  constructor() {
    this.spawn();
  }

  get remote(): Comlink.Remote<AsyncSimWorkerApi> {
    return this.api;
  }

  get tick(): number {
    return this.frames$.value?.tick ?? 0;
  }

  get episodeToken(): number {
    return this.episode;
  }

  catalog(): Promise<CatalogInfo> {
    return this.guard(this.api.catalog());
  }

  /**
   * Loads an episode; later results of the previous one are ignored. A crashed or hung worker is
   * replaced first, so picking another scenario or controller (or Reset) recovers without a reload.
   */
  async load(options: LoadOptions): Promise<LoadOutcome> {
    if (this.status$.value.kind === 'crashed') this.restart();
    this.episode = -1;
    this.slowAdvanceMs = 0;
    this.loading += 1;
    let outcome: LoadOutcome;
    try {
      outcome = await this.guard<LoadOutcome>(this.api.load(options) as Promise<LoadOutcome>);
    } finally {
      this.loading -= 1;
      this.lastBeatMs = performance.now();
    }
    this.warmingUp = true;
    this.done = false;
    this.backlogTicks = 0;
    if (!outcome.ok) return outcome;
    this.episode = outcome.episode;
    this.hz = outcome.scene.hz;
    this.frames$.next(null);
    await this.request(0);
    return outcome;
  }

  /**
   * Has the worker read and import dropped or picked files (`SimWorkerApi.openFiles`). A large
   * problem keeps the worker busy for seconds, so this counts as loading for the hung check.
   */
  async openFiles(files: File[], robots?: number): Promise<OpenFilesOutcome> {
    if (this.status$.value.kind === 'crashed') this.restart();
    this.loading += 1;
    try {
      return await this.guard<OpenFilesOutcome>(this.api.openFiles(files, robots) as Promise<OpenFilesOutcome>);
    } finally {
      this.loading -= 1;
      this.lastBeatMs = performance.now();
    }
  }

  /** Call once per animation frame: asks the worker for as many ticks as real time and speed allow. */
  pump(nowMs: number): void {
    const dtSec = this.lastPumpMs < 0 ? 0 : Math.min(MAX_BACKLOG_SEC, (nowMs - this.lastPumpMs) / 1000);
    this.lastPumpMs = nowMs;
    if (!this.playing || this.done || this.episode <= 0 || this.status$.value.kind !== 'ready') return;
    if (this.speed === 'max') {
      if (!this.inFlight) void this.request(1_000_000, MAX_SPEED_BUDGET_MS);
      return;
    }
    this.backlogTicks = Math.min(this.backlogTicks + dtSec * this.hz * this.speed, this.hz * this.speed + 1);
    const n = Math.floor(this.backlogTicks);
    if (n >= 1 && !this.inFlight) {
      this.backlogTicks -= n;
      void this.request(n, PACED_BUDGET_MS);
    }
  }

  /** Advances exactly `ticks` ticks (paused stepping and tests). Resolves with the new tick. */
  async step(ticks = 1): Promise<number> {
    while (this.inFlight) await new Promise((r) => setTimeout(r, 5));
    await this.request(ticks);
    const status = this.status$.value;
    if (status.kind === 'crashed') throw new Error(`the simulation worker is gone: ${status.message}`);
    return this.tick;
  }

  /** Replaces a crashed (or healthy) worker with a fresh one. The caller reloads an episode. */
  restart(): void {
    this.worker.terminate();
    this.spawn();
  }

  private async request(ticks: number, budgetMs?: number): Promise<void> {
    const generation = this.generation;
    const episode = this.episode;
    this.inFlight = true;
    let result: StepResult;
    try {
      result = await this.guard(this.api.advance(ticks, budgetMs));
    } catch {
      return;
    } finally {
      if (generation === this.generation) {
        this.inFlight = false;
        if (ticks > 0) this.warmingUp = false;
      }
    }
    if (generation !== this.generation || result.episode !== this.episode || episode !== this.episode) return;
    this.lastWorkerMs = result.workerMs;
    this.slowAdvanceMs = Math.max(result.workerMs, this.slowAdvanceMs * 0.9);
    this.done = result.done;
    const t0 = performance.now();
    if (result.events.length > 0) this.events$.next({ episode: result.episode, events: result.events });
    this.frames$.next({ episode: result.episode, tick: result.tick, sections: result.sections });
    this.publishMs += performance.now() - t0;
  }

  private spawn(): void {
    this.generation += 1;
    this.inFlight = false;
    this.episode = 0;
    const generation = this.generation;
    // The first worker was started before the page's code was evaluated (early-worker.ts).
    const early = takeEarlyWorker();
    this.worker = early?.worker ?? createSimWorker();
    this.lastBeatMs = performance.now();
    this.loading = 0;
    this.startingUp = true;
    this.warmingUp = false;
    this.lost = new Promise<never>((_, reject) => (this.loseWorker = reject));
    this.lost.catch(() => undefined);
    this.worker.addEventListener('message', (e: MessageEvent) => {
      if (generation === this.generation && e.data && typeof e.data === 'object' && HEARTBEAT_KEY in e.data) {
        this.lastBeatMs = performance.now();
        this.startingUp = false;
      }
    });
    this.lastCheckMs = performance.now();
    this.watchdog ??= setInterval(() => this.checkHeartbeat(), HEARTBEAT_CHECK_EVERY_MS);
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      if (generation === this.generation) this.fail(e.message || 'the simulation worker stopped');
    });
    this.api = Comlink.wrap<AsyncSimWorkerApi>(this.worker);
    this.status$.next({ kind: 'ready' });
    if (early && early.errors.length > 0) this.fail(early.errors[0]!);
  }

  /** A worker call that fails is a crashed worker: its state can no longer be trusted. */
  private async guard<T>(promise: Promise<T>): Promise<T> {
    const generation = this.generation;
    try {
      return await Promise.race([promise, this.lost]);
    } catch (error) {
      if (generation === this.generation) this.fail(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /**
   * A worker silent past its limit is hung: it is ended at once (it would spin forever) and
   * reported. Starting up, loading and the first advance after a load (compile, first decide, JIT)
   * get the room headless gives them; a check that itself ran late (this page was starved, so
   * the heartbeats may still be queued) blames no one.
   */
  private checkHeartbeat(): void {
    const now = performance.now();
    const lateMs = now - this.lastCheckMs;
    this.lastCheckMs = now;
    if (this.status$.value.kind !== 'ready' || lateMs > 4 * HEARTBEAT_CHECK_EVERY_MS) return;
    const silentMs = now - this.lastBeatMs;
    const limit =
      this.loading > 0 || this.startingUp || this.warmingUp ? HUNG_WHILE_LOADING_MS : Math.max(HUNG_AFTER_MS, HUNG_ADVANCE_FACTOR * this.slowAdvanceMs);
    if (silentMs <= limit) return;
    this.worker.terminate();
    this.fail(
      `the simulation worker did not answer for ${(silentMs / 1000).toFixed(1)} s (a controller that never returns, an endless loop, or a machine too busy to run it); it was ended. Restart to try again`,
    );
  }

  private fail(message: string): void {
    if (this.status$.value.kind === 'crashed') return;
    this.playing = false;
    this.generation += 1;
    this.inFlight = false;
    this.loseWorker(new Error(message));
    this.status$.next({ kind: 'crashed', message });
  }
}
