import { createInterface } from 'node:readline';
import { EnvSession } from './env-session.ts';

/**
 * The pipe server (`bench gym serve`): one JSON request per line on stdin, one JSON response per
 * line on stdout, in order. A response echoes the request's `id` and has `ok: true` and the
 * result's fields, or `ok: false` and `error`. Nothing else is written to stdout.
 */
export async function serveJsonLines(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const session = new EnvSession();
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let id: unknown = null;
    let reply: Record<string, unknown>;
    let closing = false;
    try {
      const request = JSON.parse(line) as Record<string, unknown>;
      id = request.id ?? null;
      closing = request.cmd === 'close';
      reply = { id, ok: true, ...(await session.handle(request)) };
    } catch (error) {
      reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    output.write(`${JSON.stringify(reply)}\n`);
    if (closing) break;
  }
  session.close();
}
