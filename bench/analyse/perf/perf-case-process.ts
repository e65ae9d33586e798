/**
 * Child-process entry of `bench perf`: measures the case given as JSON in argv[2] and prints the
 * row as JSON on stdout, so each case's peak memory is its own.
 */
import { measurePerf, type PerfCase } from './measure-perf.ts';

const row = await measurePerf(JSON.parse(process.argv[2]!) as PerfCase);
process.stdout.write(`${JSON.stringify(row)}\n`);
