import { createInterface } from 'node:readline';
import { EnvSession } from './env-session.ts';
import { registeredScenario, type ScenarioResolver } from './scenario-resolver.ts';

/**
 * The pipe server (`bench gym serve`): one JSON request per line on stdin, one JSON response per
 * line on stdout, in order. A response echoes the request's `id` and has `ok: true` and the
 * result's fields, or `ok: false` and `error`. Nothing else is written to stdout. `make`'s
 * scenario goes through `resolveScenario` (the CLI passes its own, which also reads scenario files).
 */
export async function serveJsonLines(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
  resolveScenario: ScenarioResolver = registeredScenario,
): Promise<void> {
  const session = new EnvSession(true, resolveScenario);
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
