/**
 * The committed results store, `bench/data/results/`: one JSON file per measurement, the exact
 * `--json` output of the command that measured it under `output`, and how it was made under
 * `recorded`. Written by record-result.ts, read by measured-tables.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './reference-tables.ts';

/** The folder of the store, relative to the repository root. */
export const RESULTS_DIR = 'bench/data/results';

const recordedSchema = z.object({
  /** The command as typed in the repository (`npm run bench -- perf …`), `--json` left out. */
  command: z.string().min(1),
  /** Core count, CPU model and memory (`2 × Intel(R) Xeon(R) Processor, 24 GB`). */
  machine: z.string().min(1),
  /** When the command started, ISO 8601 UTC. */
  date: z.iso.datetime(),
  /** The git commit measured (`+dirty` when tracked files other than Markdown had uncommitted changes). */
  commit: z.string().min(1),
  /** 1-minute load average when the command started and ended (other work on the machine). */
  loadBefore: z.number(),
  loadAfter: z.number(),
  /** The command's exit code or signal when it was not 0 (it still wrote its JSON: e.g. a suite with a stalled run exits 1). */
  exitCode: z.union([z.number(), z.string()]).optional(),
});

/** How a stored measurement was made. */
export type Recorded = z.infer<typeof recordedSchema>;

/** One stored measurement: its header and the command's own `--json` output, unchanged. */
export interface RecordedResult<T = unknown> {
  recorded: Recorded;
  output: T;
}

const resultSchema = z.object({ recorded: recordedSchema, output: z.unknown() });

/** The store's file for a measurement name. */
export function resultsPath(name: string, root: string = REPO_ROOT): string {
  return join(root, RESULTS_DIR, `${name}.json`);
}

/**
 * Reads a stored measurement and checks its output with `output` (the shape the table needs).
 * @throws Error naming the file and the field that is wrong.
 */
export function readResult<T>(name: string, output: z.ZodType<T>, root: string = REPO_ROOT): RecordedResult<T> {
  const file = `${RESULTS_DIR}/${name}.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resultsPath(name, root), 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const parsed = resultSchema.safeParse(raw);
  const checked = parsed.success ? output.safeParse(parsed.data.output) : undefined;
  const issue = !parsed.success ? parsed.error.issues[0] : checked && !checked.success ? checked.error.issues[0] : undefined;
  if (issue) {
    const at = [...(parsed.success ? ['output'] : []), ...issue.path.map(String)].join('.');
    throw new Error(`${file}: ${at || '(root)'}: ${issue.message}`);
  }
  return { recorded: parsed.data!.recorded, output: checked!.data as T };
}
