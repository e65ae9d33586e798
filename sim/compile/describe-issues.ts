import { closest, distance } from 'fastest-levenshtein';
import type { z, ZodType } from 'zod';
import { formatPath, type SpecIssue } from '../schema/spec-error.ts';

type Def = {
  type: string;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  innerType?: ZodType;
  in?: ZodType;
  options?: ZodType[];
  discriminator?: string;
  valueType?: ZodType;
};
const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schema at `path` inside `schema`, following the input where a union must choose. */
function objectShapeAt(schema: ZodType, path: readonly PropertyKey[], input: unknown): Record<string, ZodType> | null {
  let node: ZodType | undefined = schema;
  let value = input;
  for (let depth = 0; node; ) {
    const def = defOf(node);
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly')
      node = def.innerType;
    else if (def.type === 'pipe') node = def.in;
    else if (def.type === 'union') {
      const key = def.discriminator;
      const tag = key && value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      node = def.options?.find((o) => {
        const lit = defOf(o).shape?.[key ?? '']?.def as { values?: unknown[] } | undefined;
        return lit?.values?.includes(tag);
      });
    } else if (depth === path.length) return def.type === 'object' ? (def.shape ?? null) : null;
    else if (def.type === 'object') {
      const key = path[depth++]!;
      node = def.shape?.[String(key)];
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(key)] : undefined;
    } else if (def.type === 'array') {
      node = def.element;
      value = Array.isArray(value) ? value[Number(path[depth++])] : undefined;
    } else if (def.type === 'record') {
      node = def.valueType;
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[String(path[depth++])] : undefined;
    } else return null;
  }
  return null;
}

/** The nearest valid name to a misspelt one, or null when nothing is close. */
export function nearestName(name: string, valid: readonly string[]): string | null {
  if (valid.length === 0) return null;
  const best = closest(name, valid as string[]);
  return distance(name.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

function typeMessage(issue: z.core.$ZodIssue & { expected?: string; input?: unknown }): string {
  return issue.input === undefined ? `required${issue.expected ? ` (${issue.expected})` : ''}` : issue.message;
}

/**
 * Turns zod's issues into `path: reason` lines a person can act on: an unknown key names the
 * nearest valid key (and the "required" issue of that key it stands for is folded into it); an
 * unknown scripted event kind names the nearest handled one; a missing field says `required`.
 */
export function describeIssues(error: z.ZodError, schema: ZodType, input: unknown): SpecIssue[] {
  const out: SpecIssue[] = [];
  const suggested = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const shape = objectShapeAt(schema, issue.path, input);
    const valid = shape ? Object.keys(shape) : [];
    for (const key of issue.keys) {
      const path = formatPath([...issue.path, key]);
      const near = nearestName(
        key,
        valid.filter((k) => !(input && hasKey(valueAt(input, issue.path), k))),
      );
      if (near) suggested.add(formatPath([...issue.path, near]));
      out.push({ path, message: near ? `unknown key; did you mean ${near}?` : `unknown key; valid keys here: ${valid.join(', ')}` });
    }
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = formatPath(issue.path);
    if (issue.code === 'invalid_type' && suggested.has(path) && (issue as { input?: unknown }).input === undefined) continue;
    if (issue.code === 'invalid_union' && (issue as { discriminator?: string }).discriminator) {
      const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
      const given = valueAt(input, issue.path);
      const near = typeof given === 'string' ? nearestName(given, options) : null;
      const what = given === undefined ? 'missing' : `unknown ${JSON.stringify(given)}`;
      out.push({ path, message: `${what}${near ? `; did you mean ${near}?` : ''} (known: ${options.join(', ')})` });
      continue;
    }
    out.push({ path, message: issue.code === 'invalid_type' ? typeMessage(issue) : issue.message });
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined;
  return v;
}

function hasKey(value: unknown, key: string): boolean {
  return !!value && typeof value === 'object' && Object.hasOwn(value, key);
}
