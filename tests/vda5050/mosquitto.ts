import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { waitFor } from './message-tap.ts';

/** Where Debian's mosquitto lives (package `mosquitto`). */
export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';

/** Whether the mosquitto binary is installed. */
export function hasMosquitto(): boolean {
  return existsSync(MOSQUITTO_BIN);
}

/** A mosquitto broker started for a test on a free localhost port. */
export interface MosquittoBroker {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts mosquitto with an anonymous localhost listener and waits until a client can connect. */
export async function startMosquitto(): Promise<MosquittoBroker> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tf-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n`);
  const child: ChildProcess = spawn(MOSQUITTO_BIN, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited = false;
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.on('exit', () => (exited = true));
  const url = `mqtt://127.0.0.1:${port}`;
  let up = false;
  const probe = async () => {
    while (!up && !exited) {
      try {
        const c = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: 2000 });
        await c.endAsync();
        up = true;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  void probe();
  await waitFor('mosquitto to accept connections', () => up || exited, 30_000);
  if (!up) throw new Error(`mosquitto exited: ${stderr.trim()}`);
  return {
    url,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await waitFor('mosquitto to stop', () => exited, 15_000).catch(() => child.kill('SIGKILL'));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
