import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { hostCatalog } from '../../../robots/index.ts';
import { applyOverrides, compileScenario, type ScenarioSpecInput } from '../../../sim/index.ts';
import { resolveScenario } from '../../run/registry.ts';
import { UsageError } from '../../run/usage-error.ts';
import { exportMapJson, exportMapLif } from '../../vda5050/export-map.ts';
import { LoadFleetManager } from '../../vda5050/load-fleet-manager.ts';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../../vda5050/schema-validator.ts';
import { readVdaRecording } from '../../vda5050/read-recording.ts';
import { formatSessionSummary } from '../../vda5050/session-kpis.ts';
import { replayVdaSession } from '../../vda5050/session-replay.ts';
import { runVdaSession } from '../../vda5050/vda-session.ts';
import { servePage, type ServedPage } from '../open/serve-page.ts';
import { checkWritableFile } from './output-paths.ts';
import { parseNonNegativeInt, parsePositiveInt, parsePositiveNumber } from './parse-options.ts';

interface ServeOptions {
  speed: number;
  broker?: string;
  port: number;
  wsPort: number;
  durationSec?: number;
  seed?: number;
  robots?: number;
  interfaceName: string;
  manufacturer: string;
  vdaVersion: SchemaVersion;
  stateEverySec: number;
  visualizationHz: number;
  json?: string;
  record?: string;
  liveHz: number;
  open?: boolean;
  pagePort: number;
  pageBroker?: string;
  browser?: boolean;
}

function parseBrokerUrl(value: string): string {
  if (!/^(mqtts?|wss?|tcp):\/\/[^\s/]+/.test(value))
    throw new InvalidArgumentError(`expected a broker URL such as mqtt://localhost:1883 or ws://host:9001, got "${value}"`);
  return value;
}

function parseVersion(value: string): SchemaVersion {
  if (!(SCHEMA_VERSIONS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${SCHEMA_VERSIONS.join(', ')}, got "${value}"`);
  return value as SchemaVersion;
}

function parseTopicLevel(value: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(value)) throw new InvalidArgumentError(`expected one MQTT topic level (letters, digits, _ . -), got "${value}"`);
  return value;
}

function parseRate(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(n) || n > 100)
    throw new InvalidArgumentError(`expected a rate from 0 to 100 per second, got "${value}"`);
  return n;
}

/** `bench vda5050 <scenario> | export-map <scenario> | replay <recording>`: VDA 5050 virtual vehicles over MQTT. */
export function vda5050Command(): Command {
  const vda = new Command('vda5050').description(
    'VDA 5050 virtual vehicles over MQTT: any fleet manager drives the scenario\'s robots (see README, "VDA 5050")',
  );
  vda
    .command('serve', { isDefault: true })
    .description('run a scenario paced to the wall clock, each robot a VDA 5050 vehicle on an MQTT broker (embedded unless --broker)')
    .argument('<scenario>', 'scenario id (e.g. warehouse/g2p-small) or scenario .json file')
    .option('--speed <x>', 'simulated seconds per wall second', parsePositiveNumber, 1)
    .option('--broker <url>', 'use this broker (mqtt://host:1883, ws://host:9001) instead of the embedded one', parseBrokerUrl)
    .option('--port <n>', 'embedded broker: MQTT TCP port (0 = any free port)', parseNonNegativeInt, 1883)
    .option('--ws-port <n>', 'embedded broker: MQTT-over-WebSocket port (0 = any free port)', parseNonNegativeInt, 9001)
    .option('--duration-sec <n>', "stop after this many wall seconds (default: at the scenario's horizon, or Ctrl-C)", parsePositiveNumber)
    .option('--seed <n>', "seed (default: the scenario's)", parseNonNegativeInt)
    .option('--robots <n>', 'override the fleet size', parsePositiveInt)
    .option('--interface-name <name>', 'first topic level', parseTopicLevel, 'uagv')
    .option('--manufacturer <name>', 'manufacturer of every vehicle (a topic level)', parseTopicLevel, 'Testfield')
    .option('--vda-version <v>', `VDA 5050 version the vehicles speak (${SCHEMA_VERSIONS.join(', ')})`, parseVersion, '2.0.0')
    .option('--state-every-sec <n>', 'a state message at least this often (wall seconds), besides every change', parsePositiveNumber, 5)
    .option('--visualization-hz <n>', 'visualization messages per vehicle per wall second (0: none)', parseRate, 1)
    .option('--json <file>', 'write the KPIs and the VDA errors as JSON at the end')
    .option('--record <file>', 'write the session recording (every applied message with its tick) for "vda5050 replay"')
    .option('--live-hz <n>', 'pose frames per wall second on the live feed the page follows (testfield/live/<manufacturer>/…; 0: none)', parseRate, 30)
    .option('--open', 'also serve the browser test field following this session live, and print its URL')
    .option('--page-port <n>', 'port of the page with --open (the next free one if taken; 0: any free port)', parseNonNegativeInt, 5173)
    .option('--page-broker <url>', "with --open and --broker mqtt://…: the same broker's MQTT-over-WebSocket URL for the page", parseBrokerUrl)
    .option('--browser', 'with --open, also open the page in the system browser')
    .action(async (scenario: string, opts: ServeOptions) => {
      const broker = opts.broker;
      const pageBroker = opts.pageBroker ?? (broker && /^wss?:/.test(broker) ? broker : undefined);
      if (opts.open && opts.liveHz === 0) throw new UsageError('--open needs the live feed: --live-hz must be above 0');
      if (opts.open && broker && !pageBroker)
        throw new UsageError(
          `--open with --broker ${broker}: the page speaks MQTT over WebSocket; give the broker's WebSocket URL with --page-broker ws://host:port`,
        );
      if (pageBroker && !/^wss?:/.test(pageBroker)) throw new UsageError(`--page-broker ${pageBroker}: expected a ws:// or wss:// URL`);
      let page: ServedPage | null = null;
      for (const [option, file] of [
        ['--json', opts.json],
        ['--record', opts.record],
      ] as const)
        if (file) checkWritableFile(option, file);
      const spec = withRobots(resolveScenario(scenario), opts.robots);
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const result = await runVdaSession({
          spec,
          scenarioName: scenario,
          speed: opts.speed,
          ...(broker ? { brokerUrl: broker } : { port: opts.port, wsPort: opts.wsPort }),
          ...(opts.durationSec !== undefined ? { durationSec: opts.durationSec } : {}),
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          interfaceName: opts.interfaceName,
          manufacturer: opts.manufacturer,
          version: opts.vdaVersion,
          stateEverySec: opts.stateEverySec,
          visualizationHz: opts.visualizationHz,
          log: (line) => console.log(line),
          signal: abort.signal,
          liveHz: opts.liveHz,
          onReady: async (info) => {
            if (!opts.open) return;
            page = await servePage({ port: opts.pagePort, ...(opts.browser ? { browser: true } : {}) });
            const live = info.liveTopic && info.liveTopic !== 'testfield/live/Testfield' ? `&live=${encodeURIComponent(info.liveTopic)}` : '';
            console.log(`Watch it live at ${page.url}?paused=1&vda5050=${encodeURIComponent(pageBroker ?? info.wsUrl)}${live}`);
          },
        });
        console.log(formatSessionSummary(result));
        if (opts.json) await writeFile(opts.json, `${JSON.stringify({ ...result, recording: undefined }, null, 2)}\n`);
        if (opts.record) await writeFile(opts.record, `${JSON.stringify(result.recording)}\n`);
      } catch (error) {
        if ((error as { code?: string }).code === 'EADDRINUSE')
          throw new UsageError(
            `the embedded broker's port is taken (${(error as Error).message}); choose others with --port / --ws-port (0 = any free port) or use --broker`,
          );
        if (broker && ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN'].includes(String((error as { code?: string }).code)))
          throw new UsageError(`no broker answers at ${broker}: ${(error as Error).message}`);
        throw error;
      } finally {
        await (page as ServedPage | null)?.close();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
  vda
    .command('export-map')
    .description('print (or write) the layout for a fleet manager: roadmap node and edge ids with positions in the VDA map frame')
    .argument('<scenario>', 'scenario id or scenario .json file')
    .option('--format <f>', "json (Testfield's plain form) or lif (VDMA Layout Interchange Format)", 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (scenario: string, opts: { format: string; out?: string }) => {
      if (opts.format !== 'json' && opts.format !== 'lif') throw new UsageError(`--format ${opts.format}: expected json or lif`);
      if (opts.out) checkWritableFile('--out', opts.out);
      const model = compileScenario(resolveScenario(scenario), hostCatalog);
      const doc = opts.format === 'lif' ? exportMapLif(model, new Date().toISOString()) : exportMapJson(model);
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    });
  vda
    .command('replay')
    .description('re-simulate a recorded session (--record) without a broker and check its state hash')
    .argument('<recording>', 'a recording written by "vda5050 <scenario> --record FILE"')
    .action(async (file: string) => {
      const recording = readVdaRecording(file);
      const outcome = await replayVdaSession(recording);
      console.log(
        `replayed ${outcome.messages} messages to tick ${outcome.tick}: hash ${outcome.hash}, recorded ${outcome.recordedHash}: ${outcome.matches ? 'identical' : 'DIFFERENT'}`,
      );
      if (!outcome.matches) process.exitCode = 1;
    });
  vda
    .command('load-test')
    .description(
      'measure a session under load: a built-in fleet manager keeps every vehicle busy with short straight orders; prints messages/s and order-to-first-motion latency',
    )
    .argument('<scenario>', 'scenario id or scenario .json file')
    .option('--speed <x>', 'simulated seconds per wall second', parsePositiveNumber, 10)
    .option('--duration-sec <n>', 'wall seconds to measure', parsePositiveNumber, 60)
    .option('--broker <url>', 'use this broker instead of the embedded one', parseBrokerUrl)
    .option('--robots <n>', 'override the fleet size', parsePositiveInt)
    .option('--visualization-hz <n>', 'visualization messages per vehicle per wall second', parseRate, 1)
    .option('--json <file>', 'write the KPIs as JSON')
    .action(
      async (scenario: string, opts: { speed: number; durationSec: number; broker?: string; robots?: number; visualizationHz: number; json?: string }) => {
        if (opts.json) checkWritableFile('--json', opts.json);
        const spec = withRobots(resolveScenario(scenario), opts.robots);
        const model = compileScenario(spec, hostCatalog);
        let fm: LoadFleetManager | null = null;
        const result = await runVdaSession({
          spec,
          scenarioName: scenario,
          speed: opts.speed,
          durationSec: opts.durationSec,
          ...(opts.broker ? { brokerUrl: opts.broker } : { port: 0, wsPort: null }),
          visualizationHz: opts.visualizationHz,
          record: false,
          log: (line) => (line.startsWith('vda.error') ? undefined : console.log(line)),
          onReady: async (info) => {
            fm = await LoadFleetManager.start(info.brokerUrl, model, `${info.interfaceName}/v2/${info.manufacturer}`, '2.0.0', info.manufacturer);
          },
        });
        const fleet = fm as LoadFleetManager | null;
        await fleet?.stop();
        console.log(formatSessionSummary(result));
        console.log(`load fleet manager: ${fleet?.report.ordersSent ?? 0} orders sent, ${fleet?.report.statesSeen ?? 0} states read`);
        if (opts.json) await writeFile(opts.json, `${JSON.stringify({ ...result, recording: undefined, loadFleetManager: fleet?.report }, null, 2)}\n`);
      },
    );
  for (const sub of vda.commands) sub.exitOverride();
  return vda;
}

function withRobots(spec: ScenarioSpecInput, robots: number | undefined): ScenarioSpecInput {
  return robots === undefined ? spec : applyOverrides(spec, { robots });
}
