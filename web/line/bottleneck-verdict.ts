/** One machine's part in the bottleneck verdict: shares of the KPI window it was the sole and a shifting bottleneck. */
export interface BottleneckShare {
  readonly name: string;
  readonly sole: number;
  readonly shifting: number;
}

/** The line's bottleneck by the active-period method, as the sim's machine KPIs give it. */
export interface BottleneckVerdict {
  /** The bottleneck machine (largest sole + shifting share). */
  readonly name: string;
  /** Every machine with a share, largest sole + shifting first. */
  readonly shares: readonly BottleneckShare[];
  /** `M3 by active periods (M3 sole 40.1 %, shifting 12.0 %; M2 sole …)`, as `bench run` prints it. */
  readonly text: string;
}

/**
 * Reads the verdict from `kpis.things.machine` (`bottleneckMachine`: index in spec order;
 * `<name>.bottleneckSole`, `<name>.bottleneckShifting`) with the machines' names in spec order;
 * null while the KPIs carry no verdict.
 */
export function bottleneckVerdict(machine: Readonly<Record<string, number>> | undefined, names: readonly string[]): BottleneckVerdict | null {
  if (!machine || machine.bottleneckMachine === undefined) return null;
  const name = names[machine.bottleneckMachine];
  if (name === undefined) return null;
  const all = names.map((n) => ({ name: n, sole: machine[`${n}.bottleneckSole`] ?? 0, shifting: machine[`${n}.bottleneckShifting`] ?? 0 }));
  const shares = all.filter((s) => s.sole + s.shifting > 0).sort((a, b) => b.sole + b.shifting - (a.sole + a.shifting));
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const text = `${name} by active periods (${shares.map((s) => `${s.name} sole ${pct(s.sole)}, shifting ${pct(s.shifting)}`).join('; ')})`;
  return { name, shares, text };
}
