/** JSON text parsed into a value to validate as a scenario spec, or why it is not JSON. */
export type ParsedSpec = { ok: true; spec: unknown } | { ok: false; message: string };

/** Parses a scenario file's text. The spec itself is validated by the worker, not here. */
export function parseSpecText(text: string, name: string): ParsedSpec {
  if (text.trim() === '') return { ok: false, message: `${name} is empty` };
  try {
    return { ok: true, spec: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
