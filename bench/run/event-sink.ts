import { closeSync, openSync, writeSync } from 'node:fs';
import type { SimEvent } from '../../sim/index.ts';

/** Bytes buffered before a synchronous write: memory stays bounded however long the run. */
const FLUSH_BYTES = 64 * 1024;

/** Streams events to a JSON Lines file as they happen (`bench run --events out.jsonl`). */
export interface EventSink {
  write(event: SimEvent): void;
  /** Events written so far. */
  readonly count: number;
  close(): void;
}

/** Opens (truncates) `file` and returns a sink that appends one JSON object per event. */
export function openEventSink(file: string): EventSink {
  const fd = openSync(file, 'w');
  let pending: string[] = [];
  let bytes = 0;
  let count = 0;
  const flush = () => {
    if (pending.length === 0) return;
    writeSync(fd, pending.join(''));
    pending = [];
    bytes = 0;
  };
  return {
    write(event) {
      const line = `${JSON.stringify(event)}\n`;
      pending.push(line);
      bytes += line.length;
      count += 1;
      if (bytes >= FLUSH_BYTES) flush();
    },
    get count() {
      return count;
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
