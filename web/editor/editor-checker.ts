import * as Comlink from 'comlink';
import type { SpecIssue } from '../../sim/page-api.ts';
import type { EditorWorkerApi } from './editor-worker-api.ts';

/** The result of checking one revision of the drawing. */
export interface CheckResult {
  revision: number;
  issues: SpecIssue[];
}

/**
 * Checks the drawing in the editor's worker as it changes: one check at a time, and when
 * drawing went on meanwhile, the newest revision next (the ones in between are skipped).
 */
export class EditorChecker {
  readonly remote: Comlink.Remote<EditorWorkerApi>;
  private readonly worker: Worker;
  private running = false;
  private queued: { revision: number; spec: unknown } | null = null;

  constructor(private readonly onResult: (result: CheckResult) => void) {
    this.worker = new Worker(new URL('../worker/editor-worker.ts', import.meta.url), { type: 'module' });
    this.remote = Comlink.wrap<EditorWorkerApi>(this.worker);
  }

  /** Asks for a check of `spec` as revision `revision`. */
  check(revision: number, spec: unknown): void {
    this.queued = { revision, spec: structuredClone(spec) };
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queued) {
      const job = this.queued;
      this.queued = null;
      let issues: SpecIssue[];
      try {
        issues = await this.remote.check(job.spec);
      } catch (error) {
        issues = [{ path: '(checker)', message: `the check failed: ${error instanceof Error ? error.message : String(error)}` }];
      }
      if (!this.queued) this.onResult({ revision: job.revision, issues });
    }
    this.running = false;
  }
}
