import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { decodeReplay, ReplayError } from '../../../sim/page-api.ts';
import { encodeReplay } from '../../../sim/index.ts';
import { fsUrlPath, servePage } from '../open/serve-page.ts';
import { UsageError } from '../../run/usage-error.ts';
import { isVdaRecordingText, readVdaRecording } from '../../vda5050/read-recording.ts';
import { vdaSessionToReplay } from '../../vda5050/session-page-replay.ts';
import { checkWritableFile } from './output-paths.ts';
import { parseNonNegativeInt } from './parse-options.ts';

interface ReplayOptions {
  open?: boolean;
  port: number;
  host: string;
  browser?: boolean;
  out?: string;
}

/** `testfield replay FILE [--open] [--port N] [--host H] [--browser]`. */
export function replayCommand(): Command {
  return new Command('replay')
    .description("describe a replay (.tfr: from run --replay, or a failed suite group's <out>/replays/); --open serves the page playing it and prints its URL")
    .argument('<file>', 'replay file (.tfr), or a VDA 5050 session recording (vda5050 --record), re-simulated into one')
    .option('--open', 'serve the browser test field with this replay open (until Ctrl-C)')
    .option('--port <n>', 'port with --open (the next free one if taken; 0: any free port)', parseNonNegativeInt, 5173)
    .option('--host <host>', 'address to listen on with --open', '127.0.0.1')
    .option('--browser', 'with --open, also open the page in the system browser')
    .option('--out <file>', 'with a session recording: write the replay (.tfr) it makes to this file')
    .action(async (given: string, opts: ReplayOptions) => {
      let file = given;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new UsageError(`cannot read replay "${file}": ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      }
      if (isVdaRecordingText(new TextDecoder().decode(bytes.subarray(0, 4096)))) {
        if (opts.out) checkWritableFile('--out', opts.out);
        const { replay, outcome } = await vdaSessionToReplay(readVdaRecording(file));
        console.log(
          `${file}: VDA 5050 session, re-simulated ${outcome.messages} messages to tick ${outcome.tick}: hash ${outcome.hash}, recorded ${outcome.recordedHash}: ${outcome.matches ? 'identical' : 'DIFFERENT'}`,
        );
        if (!outcome.matches) {
          process.exitCode = 1;
          return;
        }
        bytes = encodeReplay(replay);
        file = opts.out ?? join(mkdtempSync(join(tmpdir(), 'testfield-vda-replay-')), `${basename(file).replace(/\.json$/i, '')}.tfr`);
        writeFileSync(file, bytes);
        console.log(`replay written to ${file} (${(bytes.length / 1024).toFixed(0)} KiB)`);
      } else if (opts.out) {
        throw new UsageError('--out: only a VDA 5050 session recording is turned into a replay; this file is one already');
      }
      let header;
      try {
        header = decodeReplay(bytes).header;
      } catch (error) {
        if (error instanceof ReplayError) throw new UsageError(`${file}: ${error.message}`);
        throw error;
      }
      console.log(
        `${file}: ${header.scenarioId} (${header.title}), seed ${header.seed}, controller ${header.controller}, ${header.ticks} ticks (${(header.ticks / header.hz / 60).toFixed(1)} simulated minutes)`,
      );
      if (!opts.open) return;
      const page = await servePage({ allowFiles: [file], port: opts.port, host: opts.host, ...(opts.browser ? { browser: true } : {}) });
      console.log(`Testfield is open at ${page.url}?paused=1&replay=${encodeURIComponent(fsUrlPath(file))}`);
      console.log('Ctrl-C stops it.');
    });
}
