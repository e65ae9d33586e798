import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { Command } from 'commander';
import { checkWritableFile } from './output-paths.ts';
import { parsePositiveInt } from './parse-options.ts';

interface FirstFrameOptions {
  runs: number;
  query: string;
  json?: string;
}

/** `bench first-frame [--runs 5] [--query ?scenario=…] [--json FILE]`: the page's time to its first frame, cold and warm. */
export function firstFrameCommand(): Command {
  return new Command('first-frame')
    .description(
      "time from navigation to the first drawn frame of `npm start`'s page (vite dev server, headless Chromium): median of N cold (empty vite cache) and N warm loads",
    )
    .option('--runs <n>', 'page loads per condition; the median is reported', parsePositiveInt, 5)
    .option('--query <q>', 'the page\'s query string, e.g. "?scenario=production/flow-line" (default: the README\'s main page)', '')
    .option('--json <file>', 'also write the samples and medians as JSON')
    .action(async (opts: FirstFrameOptions) => {
      if (opts.json) checkWritableFile('--json', opts.json);
      // Loaded on use: it drives Chromium through playwright-core, a development dependency the package does not install.
      const { measureFirstFrame } = await import('../../run/browser/measure-first-frame.ts');
      const loadBefore = loadavg()[0]!;
      const figures = await measureFirstFrame({
        runs: opts.runs,
        query: opts.query,
        onSample: (condition, s) =>
          console.error(
            `${condition}: first paint ${s.firstPaintMs.toFixed(0)} ms, first frame ${s.firstFrameMs.toFixed(0)} ms${s.reloads > 0 ? ` (after ${s.reloads} reload${s.reloads > 1 ? 's' : ''})` : ''}`,
          ),
      });
      // Other work on the machine competes for the cores: the figures mean little without it.
      const load = `machine load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`;
      console.log(`first frame of ${figures.query || 'the default page'} (median of ${figures.runs}; ${load}):`);
      console.log(`  cold (empty vite cache)  first paint ${figures.cold.firstPaintMs} ms  first frame ${figures.cold.firstFrameMs} ms`);
      console.log(`  warm                     first paint ${figures.warm.firstPaintMs} ms  first frame ${figures.warm.firstFrameMs} ms`);
      if (opts.json) await writeFile(opts.json, `${JSON.stringify({ ...figures, loadAverageBefore: loadBefore, loadAverageAfter: loadavg()[0] }, null, 2)}\n`);
    });
}
