import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { decodeReplay, ReplayError } from '../../sim/page-api.ts';
import { fsUrlPath, servePage } from '../open/serve-page.ts';
import { UsageError } from '../usage-error.ts';
import { parseNonNegativeInt } from './parse-options.ts';

interface ReplayOptions {
  open?: boolean;
  port: number;
  host: string;
  browser?: boolean;
}

/** `testfield replay FILE [--open] [--port N] [--host H] [--browser]`. */
export function replayCommand(): Command {
  return new Command('replay')
    .description('describe a replay (.tfr: from run --replay, or a failed suite group\'s <out>/replays/); --open serves the page playing it and prints its URL')
    .argument('<file>', 'replay file (.tfr)')
    .option('--open', 'serve the browser test field with this replay open (until Ctrl-C)')
    .option('--port <n>', 'port with --open (the next free one if taken; 0: any free port)', parseNonNegativeInt, 5173)
    .option('--host <host>', 'address to listen on with --open', '127.0.0.1')
    .option('--browser', 'with --open, also open the page in the system browser')
    .action(async (file: string, opts: ReplayOptions) => {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new UsageError(`cannot read replay "${file}": ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      }
      let header;
      try {
        header = decodeReplay(bytes).header;
      } catch (error) {
        if (error instanceof ReplayError) throw new UsageError(`${file}: ${error.message}`);
        throw error;
      }
      console.log(`${file}: ${header.scenarioId} (${header.title}), seed ${header.seed}, controller ${header.controller}, ${header.ticks} ticks (${(header.ticks / header.hz / 60).toFixed(1)} simulated minutes)`);
      if (!opts.open) return;
      const page = await servePage({ allowFiles: [file], port: opts.port, host: opts.host, ...(opts.browser ? { browser: true } : {}) });
      console.log(`Testfield is open at ${page.url}?paused=1&replay=${encodeURIComponent(fsUrlPath(file))}`);
      console.log('Ctrl-C stops it.');
    });
}
