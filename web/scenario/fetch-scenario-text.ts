/** Longest wait for a scenario file before giving up with a message. */
const FETCH_TIMEOUT_MS = 20_000;

/** A fetched scenario file's text, or why it could not be fetched (one readable sentence). */
export type FetchedText = { ok: true; text: string } | { ok: false; message: string };

/**
 * Fetches a scenario file relative to the page. Asks for JSON, so a dev or preview server that
 * falls back to `index.html` for unknown paths answers 404 instead; an HTML answer, an HTTP
 * error, a network failure and a timeout each come back as a message, never as a throw.
 */
export async function fetchScenarioText(url: string, base: string = location.href): Promise<FetchedText> {
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return { ok: false, message: `"${url}" is not a valid URL` };
  }
  let response: Response;
  try {
    response = await fetch(target, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      message: timedOut ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : `the request failed (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (!response.ok) return { ok: false, message: `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  if ((response.headers.get('Content-Type') ?? '').includes('text/html')) {
    return { ok: false, message: 'the server answered with an HTML page, not a JSON file (is the path right?)' };
  }
  try {
    return { ok: true, text: await response.text() };
  } catch (error) {
    return { ok: false, message: `reading the answer failed (${error instanceof Error ? error.message : String(error)})` };
  }
}
