/** Format name of a VDA 5050 session recording (`testfield vda5050 … --record FILE`). */
const RECORDING_FORMAT = 'testfield-vda5050-session';

/**
 * What the page says when a VDA 5050 session recording is dropped or opened as a scenario: the
 * page cannot re-simulate a session (its vehicles run in Node), so it names the command that turns
 * the recording into a replay and opens it. Null for anything else.
 */
export function sessionRecordingNotice(parsed: unknown, name: string): string | null {
  const format = typeof parsed === 'object' && parsed !== null ? (parsed as { format?: unknown }).format : undefined;
  if (format !== RECORDING_FORMAT) return null;
  return `${name} is a VDA 5050 session recording, not a scenario: play it with "testfield replay ${name} --open" (or "npm run bench -- replay ${name} --open"), which re-simulates it into a replay and opens it here`;
}
