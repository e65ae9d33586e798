import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { findScenario } from '../../../scenarios/index.ts';
import { fsUrlPath, servePage } from '../open/serve-page.ts';
import { UsageError } from '../../run/usage-error.ts';
import { parseNonNegativeInt } from './parse-options.ts';

interface OpenOptions {
  controllers: string[];
  controller?: string;
  port: number;
  host: string;
  browser?: boolean;
}

/** `testfield open [scenario] [--controllers DIR …] [--controller NAME] [--port N] [--host H] [--browser]`. */
export function openCommand(): Command {
  return new Command('open')
    .description('serve the browser test field (with your controller folder in the picker, hot reloaded) and print its URL')
    .argument('[scenario]', 'scenario id (e.g. warehouse/g2p-small) or scenario .json file to open with')
    .option(
      '--controllers <dir>',
      'a folder of controller modules (.ts .mts .js .mjs, default export () => FleetController) the picker lists by file name; repeatable',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--controller <name>', 'controller to start with (a registered name or a file name from --controllers, without extension)')
    .option('--port <n>', 'port (the next free one if taken; 0: any free port)', parseNonNegativeInt, 5173)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--browser', 'also open the page in the system browser')
    .addHelpText('after', '\nRuns until interrupted (Ctrl-C). `npm start` inside the repo serves the same page.')
    .action(async (scenario: string | undefined, opts: OpenOptions) => {
      const query = new URLSearchParams();
      const allowFiles: string[] = [];
      if (scenario !== undefined) {
        if (/\.json$/i.test(scenario)) {
          if (!existsSync(scenario)) throw new UsageError(`scenario file "${scenario}" not found`);
          allowFiles.push(scenario);
          query.set('scenario', fsUrlPath(scenario));
        } else if (findScenario(scenario)) query.set('scenario', scenario);
        else throw new UsageError(`unknown scenario "${scenario}" (testfield list shows them, or give a .json file)`);
      }
      if (opts.controller) query.set('controller', opts.controller);
      const page = await servePage({
        controllerDirs: opts.controllers,
        allowFiles,
        port: opts.port,
        host: opts.host,
        ...(opts.browser ? { browser: true } : {}),
      });
      const search = query.toString();
      console.log(`Testfield is open at ${page.url}${search ? `?${search}` : ''}`);
      if (opts.controllers.length > 0) console.log(`controllers from ${opts.controllers.join(', ')} are in the picker (hot reloaded)`);
      console.log('Ctrl-C stops it.');
    });
}
