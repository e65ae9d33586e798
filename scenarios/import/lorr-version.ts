import type { ImportIssue } from './import-error.ts';

/** The newest problem format this importer knows: the Start-Kit's `"version": "2026 LoRR"`. */
const LORR_FORMAT_YEAR = 2026;

/**
 * Checks a problem's `version` (absent: an older file, read as it is). A version of a later year
 * than {@link LORR_FORMAT_YEAR}, or one without a year, is a warning (the file is read as the
 * 2026 format and unknown keys become warnings); a `version` that is not a string is an error.
 * @returns whether the file is of a newer (or unrecognised) version.
 */
export function checkLorrVersion(value: unknown, file: string, line: number, issues: ImportIssue[], warnings: ImportIssue[]): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'string') {
    issues.push({ file, line, message: `version must be a string such as "${LORR_FORMAT_YEAR} LoRR", got ${JSON.stringify(value)}` });
    return false;
  }
  const year = /\b(20\d\d)\b/.exec(value);
  if (year && Number(year[1]) <= LORR_FORMAT_YEAR) return false;
  warnings.push({
    file,
    line,
    message: `version ${JSON.stringify(value)} is ${year ? 'newer than' : 'not one of'} the formats this importer knows (up to "${LORR_FORMAT_YEAR} LoRR"): read as the ${LORR_FORMAT_YEAR} format, unknown keys ignored`,
  });
  return true;
}
