import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a measurement ran on: core count, CPU model, memory (`2 × AMD EPYC …, 23 GB`). */
export function machineLine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  return `${cores.length} × ${model}, ${Math.round(totalmem() / 1024 ** 3)} GB`;
}

/** The 1-minute load average now, to one decimal (what competed for the cores). */
export function loadNow(): number {
  return Math.round(loadavg()[0]! * 10) / 10;
}
