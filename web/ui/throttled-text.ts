/**
 * An element's text, rewritten at most once per `minIntervalMs` wall milliseconds: a value set
 * sooner is held and written when the interval is over (the latest one wins), so the element
 * always ends on the last value without a style, layout and paint pass for every frame.
 */
export class ThrottledText {
  private lastWriteMs = -Infinity;
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly element: HTMLElement,
    private readonly minIntervalMs: number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Shows `text` now if the last write is old enough, else when it is. */
  set(text: string): void {
    const waitMs = this.lastWriteMs + this.minIntervalMs - this.nowMs();
    if (waitMs <= 0) {
      this.write(text);
      return;
    }
    this.pending = text;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      if (this.pending !== null) this.write(this.pending);
    }, waitMs);
  }

  private write(text: string): void {
    this.pending = null;
    this.lastWriteMs = this.nowMs();
    if (this.element.textContent !== text) this.element.textContent = text;
  }
}
