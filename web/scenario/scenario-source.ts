/** Where the `?scenario=` value points: a registered scenario id, or a JSON file to fetch. */
export type ScenarioSource = { kind: 'registered'; id: string } | { kind: 'file'; url: string };

/**
 * Reads a `?scenario=` value. A value ending in `.json` (before any `?` or `#`), or starting
 * with `./`, `../`, `/` or `http`, is a file URL (relative to the page); anything else is a
 * registered id such as `warehouse/g2p-small`. Null for no value.
 */
export function scenarioSource(value: string | null): ScenarioSource | null {
  const v = value?.trim() ?? '';
  if (v === '') return null;
  const path = v.split(/[?#]/)[0]!;
  const isFile = path.toLowerCase().endsWith('.json') || /^(\.\.?\/|\/|https?:)/i.test(v);
  return isFile ? { kind: 'file', url: v } : { kind: 'registered', id: v };
}

/** The file name at the end of a URL (`a/b/c.json` → `c.json`), for messages and the picker. */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0]!.replace(/\/+$/, '');
  return decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1)) || url;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
