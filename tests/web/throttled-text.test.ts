/** The toolbar clock's throttle: at most one write per interval, and always ending on the latest text. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThrottledText } from '../../web/ui/throttled-text.ts';

describe('ThrottledText', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes at once, holds later values until the interval is over, then writes the latest', () => {
    let writes = 0;
    let text = '';
    const element = {
      get textContent() {
        return text;
      },
      set textContent(v: string) {
        writes += 1;
        text = v;
      },
    } as unknown as HTMLElement;
    const clock = new ThrottledText(element, 250, () => Date.now());
    clock.set('tick 1');
    expect(text).toBe('tick 1');
    vi.advanceTimersByTime(16);
    clock.set('tick 2');
    vi.advanceTimersByTime(16);
    clock.set('tick 3');
    expect([text, writes]).toEqual(['tick 1', 1]);
    vi.advanceTimersByTime(250);
    expect([text, writes]).toEqual(['tick 3', 2]); // the held value, once
    clock.set('tick 3'); // the same text again: no write
    expect(writes).toBe(2);
    vi.advanceTimersByTime(1000);
    clock.set('tick 4'); // long after: at once
    expect([text, writes]).toEqual(['tick 4', 3]);
  });
});
