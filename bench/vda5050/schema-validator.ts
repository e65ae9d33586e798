import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { VdaTopic } from './vda-messages.ts';

/** VDA 5050 versions whose official schemas ship in `schemas/`. */
export const SCHEMA_VERSIONS = ['2.0.0', '2.1.0'] as const;
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

const TOPICS: readonly VdaTopic[] = ['order', 'instantActions', 'state', 'connection', 'visualization', 'factsheet'];

/** Outcome of checking one message: `ok`, or the problems in words (JSON path and why). */
export type SchemaCheck = { ok: true } | { ok: false; problems: string[] };

// ajv-formats is CommonJS; under Node's ESM loader its function is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let validators: Map<string, ValidateFunction> | null = null;

function compileAll(): Map<string, ValidateFunction> {
  const out = new Map<string, ValidateFunction>();
  for (const version of SCHEMA_VERSIONS) {
    // One Ajv per version: the schemas of both versions share `$id`-less titles.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const topic of TOPICS) {
      const url = new URL(`./schemas/${version}/${topic}.schema.json`, import.meta.url);
      out.set(`${version}/${topic}`, ajv.compile(JSON.parse(readFileSync(url, 'utf8')) as object));
    }
  }
  return out;
}

/**
 * The schema version a message is checked against: its own `version` field when it names a 2.x
 * version we ship (2.0.x → 2.0.0, 2.1.x and later 2.x → 2.1.0), else `fallback`.
 */
export function schemaVersionFor(message: unknown, fallback: SchemaVersion): SchemaVersion {
  const v = (message as { version?: unknown } | null)?.version;
  if (typeof v !== 'string') return fallback;
  const m = /^2\.(\d+)\./.exec(v);
  if (!m) return fallback;
  return Number(m[1]) >= 1 ? '2.1.0' : '2.0.0';
}

/** Checks `message` against the official schema of `topic` in `version`. */
export function checkVdaMessage(topic: VdaTopic, message: unknown, version: SchemaVersion): SchemaCheck {
  validators ??= compileAll();
  const validate = validators.get(`${version}/${topic}`)!;
  if (validate(message)) return { ok: true };
  const problems = (validate.errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '(message)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
    );
  return { ok: false, problems };
}
