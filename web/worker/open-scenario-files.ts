import { ImportError, formatImportIssue, importMovingAiMap, readLorrProblem } from '../../scenarios/index.ts';
import type { ScenarioSpecInput } from '../../sim/index.ts';
import { sessionRecordingNotice } from '../live/session-recording-notice.ts';
import { parseSpecText } from '../scenario/parse-spec-text.ts';

/** A file as the page hands it over (a dropped or picked `File`): its name and its text. */
export interface NamedFile {
  readonly name: string;
  text(): Promise<string>;
}

/**
 * Files turned into one scenario: the spec, the name to show, and the importer's warnings
 * (`file:line: message`); or why not, in one sentence and a line per problem.
 */
export type OpenedScenario = { ok: true; spec: ScenarioSpecInput; name: string; warnings: string[] } | { ok: false; message: string; problems: string[] };

/** Keys that make a JSON file a League of Robot Runners problem rather than a scenario. */
const LORR_KEYS = ['mapFile', 'agentFile', 'taskFile', 'teamSize'];
const WHAT_OPENS =
  'the page opens a scenario .json, a League of Robot Runners problem .json chosen together with the .map, agents and tasks files it names, or a MovingAI .map';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * Turns dropped or picked files into a scenario, in the page's worker (a 10,000-robot problem is
 * megabytes of text to parse):
 * - one scenario `.json` (as `bench export` writes it) — checked by the worker's load like any spec;
 * - a LoRR problem `.json` (it has `mapFile`, `agentFile`, `taskFile` or `teamSize`) chosen
 *   together with the files it names, found by file name (a browser hands over no folders), and
 *   imported exactly as `run --import` does (`readLorrProblem`);
 * - a bare MovingAI `.map` (`importMovingAiMap`: `robots` robots on seeded free cells, default 10).
 * Every refusal names the file (and line) at fault; nothing here throws.
 */
export async function openScenarioFiles(files: readonly NamedFile[], options: { robots?: number } = {}): Promise<OpenedScenario> {
  if (files.length === 0) return { ok: false, message: `No file chosen: ${WHAT_OPENS}`, problems: [] };
  const texts = new Map<string, string>();
  for (const f of files) {
    try {
      texts.set(baseName(f.name), await f.text());
    } catch (error) {
      return { ok: false, message: `Cannot read ${f.name}: ${error instanceof Error ? error.message : String(error)}`, problems: [] };
    }
  }
  const names = [...texts.keys()];
  const jsons = names.filter((n) => /\.json$/i.test(n));
  const maps = names.filter((n) => /\.map$/i.test(n));
  if (jsons.length > 1) return { ok: false, message: `Choose one scenario or problem .json at a time, not ${jsons.join(', ')}`, problems: [] };
  if (jsons.length === 0) {
    if (maps.length !== 1 || names.length !== 1)
      return { ok: false, message: `Cannot open ${names.join(', ')}: ${WHAT_OPENS} (a replay .tfr opens alone)`, problems: [] };
    const warnings: string[] = [];
    const robots = options.robots !== undefined ? { robots: options.robots } : {};
    return imported(
      maps[0]!,
      () => importMovingAiMap(maps[0]!, readFrom(texts, maps[0]!), { ...robots, onWarning: (w) => warnings.push(formatImportIssue(w)) }),
      warnings,
    );
  }
  const name = jsons[0]!;
  const parsed = parseSpecText(texts.get(name)!, name);
  if (!parsed.ok) return { ok: false, message: parsed.message, problems: [] };
  const value = parsed.spec;
  const recording = sessionRecordingNotice(value, name);
  if (recording) return { ok: false, message: recording, problems: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return { ok: false, message: `${name} does not hold a scenario: expected a JSON object, found ${found}`, problems: [] };
  }
  if (!LORR_KEYS.some((k) => k in value)) {
    if (names.length > 1)
      return { ok: false, message: `A scenario .json opens alone: ${name} came with ${names.filter((n) => n !== name).join(', ')}`, problems: [] };
    return { ok: true, spec: value as ScenarioSpecInput, name, warnings: [] };
  }
  const warnings: string[] = [];
  return imported(
    name,
    () => {
      const problem = readLorrProblem(name, readFrom(texts, name), { ...(options.robots !== undefined ? { robots: options.robots } : {}) });
      warnings.push(...problem.warnings.map(formatImportIssue));
      return problem.spec;
    },
    warnings,
  );
}

/** Runs an import; its `ImportError` becomes the refusal, each issue a `file:line: message` line. */
function imported(name: string, run: () => ScenarioSpecInput, warnings: string[]): OpenedScenario {
  try {
    const spec = run();
    return { ok: true, spec, name, warnings };
  } catch (error) {
    if (error instanceof ImportError) {
      const n = error.issues.length;
      return { ok: false, message: `Cannot import ${name}: ${n === 1 ? '1 problem' : `${n} problems`}`, problems: error.issues.map(formatImportIssue) };
    }
    return { ok: false, message: `Cannot import ${name}: ${error instanceof Error ? error.message : String(error)}`, problems: [] };
  }
}

/** The importer's file reader over the chosen files, by file name; a file not chosen says so. */
function readFrom(texts: ReadonlyMap<string, string>, from: string): (path: string) => string {
  return (path) => {
    const text = texts.get(baseName(path));
    if (text !== undefined) return text;
    throw new Error(`${baseName(path)} was not among the chosen files: choose ${from} together with the files it names`);
  };
}
