import { createRootRng } from '../../../sim/index.ts';

/** Throughput samples of one fleet size: one value per seed (orders/h). */
export interface FleetSample {
  robots: number;
  values: readonly number[];
}

/**
 * "How many robots?" for one layout. The **plateau** is the highest mean throughput over the
 * swept fleet sizes (the curve rises, then levels off or falls as congestion wins); the answer is
 * the smallest swept fleet whose mean reaches `share` (95 %) of it. Its uncertainty is a
 * percentile bootstrap over seeds: each resample redraws every fleet size's seeds with
 * replacement, recomputes the means, the plateau and the answer; the interval is the 2.5th–97.5th
 * percentile of the resampled answers (and of the plateau). The resampling stream is seeded
 * (`createRootRng(bootstrapSeed)`), so the same runs always give the same interval.
 */
export interface FleetAnswer {
  layout: string;
  /** Smallest swept fleet reaching `share` of the plateau (from the seed means). */
  robots: number;
  /** 95 % bootstrap interval of that fleet size. */
  robotsLow: number;
  robotsHigh: number;
  plateauPerHour: number;
  plateauLowPerHour: number;
  plateauHighPerHour: number;
  /** Fraction of the plateau the answer reaches (0.95). */
  share: number;
  /** Fewest seeds any fleet size had. */
  seeds: number;
  /** The plateau is the largest fleet swept: the curve may still be rising (sweep further). */
  atEdge: boolean;
  resamples: number;
  sentence: string;
}

/** Options of {@link fleetAnswer}. */
export interface FleetAnswerOptions {
  share?: number;
  resamples?: number;
  bootstrapSeed?: number;
}

/** The answer for one layout's curve, or null when no fleet size has a sample. */
export function fleetAnswer(layout: string, samples: readonly FleetSample[], options: FleetAnswerOptions = {}): FleetAnswer | null {
  const share = options.share ?? 0.95;
  const resamples = options.resamples ?? 2000;
  const curve = samples.filter((s) => s.values.length > 0).sort((a, b) => a.robots - b.robots);
  if (curve.length === 0) return null;
  const point = answerOf(
    curve.map((s) => s.robots),
    curve.map((s) => mean(s.values)),
    share,
  );
  const rng = createRootRng(options.bootstrapSeed ?? 1).fork('fleet-answer');
  const fleets: number[] = [];
  const plateaus: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const means = curve.map((s) => {
      let sum = 0;
      for (let k = 0; k < s.values.length; k++) sum += s.values[rng.int(s.values.length)]!;
      return sum / s.values.length;
    });
    const r = answerOf(
      curve.map((s) => s.robots),
      means,
      share,
    );
    fleets.push(r.robots);
    plateaus.push(r.plateau);
  }
  const seeds = Math.min(...curve.map((s) => s.values.length));
  const answer = {
    layout,
    robots: point.robots,
    robotsLow: percentile(fleets, 0.025),
    robotsHigh: percentile(fleets, 0.975),
    plateauPerHour: round1(point.plateau),
    plateauLowPerHour: round1(percentile(plateaus, 0.025)),
    plateauHighPerHour: round1(percentile(plateaus, 0.975)),
    share,
    seeds,
    atEdge: point.plateauRobots === curve[curve.length - 1]!.robots,
    resamples,
  };
  return { ...answer, sentence: fleetSentence(answer) };
}

/** "c8-a7-s10 needs 110 robots (100–125) for 95 % of its 1,060 orders/h plateau (1,040–1,075; 5 seeds a point)." */
export function fleetSentence(a: Omit<FleetAnswer, 'sentence'>): string {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const range = a.robotsLow === a.robotsHigh ? `exactly ${a.robots} in every resample` : `${a.robotsLow}–${a.robotsHigh}`;
  const edge = a.atEdge ? ' The highest mean is at the largest fleet swept: the curve may still be rising, so sweep further.' : '';
  return `${a.layout} needs ${a.robots} robots (${range}) for ${Math.round(a.share * 100)} % of its ${n(a.plateauPerHour)} orders/h plateau (${n(a.plateauLowPerHour)}–${n(a.plateauHighPerHour)}; 95 % bootstrap intervals over ${a.seeds} seeds a point).${edge}`;
}

/** Answers for every layout of a sweep's JSON (`sweep.json`: its `runs`, as `bench sweep` writes them). */
export function answersFromSweepJson(
  json: { runs: ReadonlyArray<{ status: string; params?: Record<string, number | string>; kpis: { throughputPerHour: number } | null }> },
  options: FleetAnswerOptions = {},
): FleetAnswer[] {
  const byLayout = new Map<string, Map<number, number[]>>();
  for (const run of json.runs) {
    if (run.status !== 'ok' || !run.kpis || !run.params) continue;
    const layout = String(run.params.layout);
    const robots = Number(run.params.robots);
    const line = byLayout.get(layout) ?? new Map<number, number[]>();
    byLayout.set(layout, line);
    line.set(robots, [...(line.get(robots) ?? []), run.kpis.throughputPerHour]);
  }
  const out: FleetAnswer[] = [];
  for (const layout of [...byLayout.keys()].sort()) {
    const answer = fleetAnswer(
      layout,
      [...byLayout.get(layout)!].map(([robots, values]) => ({ robots, values })),
      options,
    );
    if (answer) out.push(answer);
  }
  return out;
}

function answerOf(robots: readonly number[], means: readonly number[], share: number): { robots: number; plateau: number; plateauRobots: number } {
  const plateau = Math.max(...means);
  const k = means.findIndex((m) => m >= share * plateau);
  return { robots: robots[k]!, plateau, plateauRobots: robots[means.indexOf(plateau)]! };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Nearest-rank percentile (a value of the sample, so fleet sizes stay swept sizes). */
function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
