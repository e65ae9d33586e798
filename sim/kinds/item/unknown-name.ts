import { closest, distance } from 'fastest-levenshtein';

/**
 * `unknown <noun> "<name>"; did you mean <nearest>?` (or the declared names when none is near),
 * with the same nearness rule as the spec's unknown keys. Kinds cannot import `compile/` (it
 * imports them), so item and conveyor references share this one.
 */
export function unknownName(noun: string, name: string, valid: readonly string[]): string {
  if (valid.length === 0) return `unknown ${noun} "${name}"; declared: none`;
  const best = closest(name, valid as string[]);
  const near = distance(name.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3));
  return `unknown ${noun} "${name}"${near ? `; did you mean ${best}?` : `; declared: ${valid.join(', ')}`}`;
}
