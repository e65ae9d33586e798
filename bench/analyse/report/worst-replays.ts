import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeReplay } from '../../../sim/index.ts';
import type { GroupVerdict } from '../gate/evaluate-gate.ts';
import { DEFAULT_KEYFRAME_EVERY_TICKS, runSpec } from '../../run/run-scenario.ts';
import type { RunJob, RunRecord } from '../../run/run-job.ts';

/** Folder under the suite's output directory the replays go to. */
export const REPLAYS_DIR = 'replays';

/** A file name for a run key: anything but letters, digits, `.`, `-` and `_` becomes `_`. */
export function replayFileName(key: string): string {
  return `${key.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '')}.tfr`;
}

/**
 * The worst run of a group: the most controller failures, then the most rejected commands, then
 * (for a behaviour change, among the runs whose hash changed) the lowest throughput. Crashed runs
 * have nothing to replay.
 */
export function worstRun(v: GroupVerdict): RunRecord | null {
  const changed = new Set(v.changedHashes);
  const ok = v.runs.filter((r) => r.status === 'ok' && (v.status !== 'changed' || changed.has(r.key)));
  const score = (r: RunRecord) => [r.failures?.controllerFailed.count ?? 0, r.failures?.rejections.total ?? 0, -(r.kpis?.throughputPerHour ?? 0)] as const;
  let worst: RunRecord | null = null;
  for (const r of ok) {
    if (!worst) {
      worst = r;
      continue;
    }
    const a = score(r);
    const b = score(worst);
    if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) worst = r;
  }
  return worst;
}

/**
 * For every regressed, failed or behaviour-changed group, runs its worst seed again (runs are
 * deterministic: the same run) recording a replay, writes it to `replays/<key>.tfr` under
 * `outDir` and names it in the verdict (`replay`). Returns the files written.
 */
export async function writeWorstReplays(outDir: string, verdicts: GroupVerdict[], jobs: ReadonlyMap<string, RunJob>): Promise<string[]> {
  const written: string[] = [];
  for (const v of verdicts) {
    if (v.status !== 'fail' && v.status !== 'error' && v.status !== 'changed') continue;
    const worst = worstRun(v);
    const job = worst ? jobs.get(worst.key) : undefined;
    if (!job) continue;
    try {
      const { replay } = await runSpec(
        {
          spec: job.spec,
          controller: job.controller,
          seed: job.seed,
          overrides: job.overrides,
          ...(job.isolation ? { isolation: job.isolation } : {}),
          ...(job.budgetMs ? { budgetMs: job.budgetMs } : {}),
        },
        { keyframeEveryTicks: DEFAULT_KEYFRAME_EVERY_TICKS },
      );
      mkdirSync(join(outDir, REPLAYS_DIR), { recursive: true });
      const relative = `${REPLAYS_DIR}/${replayFileName(job.key)}`;
      writeFileSync(join(outDir, relative), encodeReplay(replay!));
      v.replay = relative;
      written.push(relative);
    } catch (error) {
      v.notes.push(`could not record the replay of ${job.key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return written;
}
