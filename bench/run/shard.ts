import { UsageError } from './usage-error.ts';

/** A slice of a run list: shard `index` (1-based) of `total`. */
export interface Shard {
  index: number;
  total: number;
}

/**
 * The shard to run: `--shard i/n` if given, else Kubernetes' `JOB_COMPLETION_INDEX` (0-based)
 * with the total from `BENCH_SHARD_COUNT`, else none (run everything).
 * @throws UsageError on a malformed value.
 */
export function resolveShard(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Shard | null {
  if (option !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(option.trim());
    if (!m) throw new UsageError(`--shard must look like i/n (e.g. 2/3), got "${option}"`);
    return checked(Number(m[1]), Number(m[2]), `--shard ${option}`);
  }
  const index = env.JOB_COMPLETION_INDEX;
  if (index === undefined || index === '') return null;
  const total = env.BENCH_SHARD_COUNT;
  if (total === undefined || !/^\d+$/.test(total)) {
    throw new UsageError('JOB_COMPLETION_INDEX is set but BENCH_SHARD_COUNT (the number of shards) is missing or not an integer');
  }
  if (!/^\d+$/.test(index)) throw new UsageError(`JOB_COMPLETION_INDEX must be an integer, got "${index}"`);
  return checked(Number(index) + 1, Number(total), `JOB_COMPLETION_INDEX=${index} BENCH_SHARD_COUNT=${total}`);
}

function checked(index: number, total: number, source: string): Shard {
  if (total < 1 || index < 1 || index > total) throw new UsageError(`${source}: shard index must be within 1..${Math.max(total, 1)}`);
  return { index, total };
}

/**
 * The deterministic slice of a shard: jobs sorted by key, dealt round-robin (job k goes to shard
 * k mod n). Every job lands in exactly one shard, on every machine.
 */
export function selectShard<J extends { key: string }>(jobs: readonly J[], shard: Shard | null): J[] {
  const sorted = [...jobs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (!shard) return sorted;
  return sorted.filter((_, k) => k % shard.total === shard.index - 1);
}

/** `2/3`, or `all`. */
export function formatShard(shard: Shard | null): string {
  return shard ? `${shard.index}/${shard.total}` : 'all';
}
