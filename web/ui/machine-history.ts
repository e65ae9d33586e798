import { MACHINE_STATES, type SimEvent } from '../../sim/page-api.ts';
import { MACHINE_STATE_COLORS } from '../render/kinds/machine-renderer.ts';

type StateName = (typeof MACHINE_STATES)[number];

/** Most state changes kept per machine (the timeline shows the latest). */
const KEEP = 2000;

/**
 * Every machine's state history, from the `machine.state` events of the episode, and a panel
 * showing the selected machine's: a timeline of coloured segments (one per state spell, to the
 * current time), the share of time in each state, and the last changes with their reasons.
 */
export class MachineHistory {
  private readonly spells = new Map<number, Array<{ atSec: number; to: StateName; reason: string }>>();
  private readonly names = new Map<number, string>();
  private selected = -1;
  private nowSec = 0;

  constructor(private readonly root: HTMLElement) {}

  /** Forgets everything (a new episode). */
  reset(): void {
    this.spells.clear();
    this.names.clear();
    this.hide();
  }

  /** Folds a batch of events in; redraws the panel when its machine changed. */
  add(events: readonly SimEvent[]): void {
    let touched = false;
    for (const e of events) {
      if (e.type !== 'machine.state') continue;
      this.names.set(e.machine, e.name);
      let list = this.spells.get(e.machine);
      if (!list) this.spells.set(e.machine, (list = [{ atSec: 0, to: e.from, reason: 'start' }]));
      list.push({ atSec: e.atSec, to: e.to, reason: e.reason });
      if (list.length > KEEP) list.splice(0, list.length - KEEP);
      this.nowSec = Math.max(this.nowSec, e.atSec);
      if (e.machine === this.selected) touched = true;
    }
    if (touched) this.render();
  }

  /** The simulated time the timeline runs to. */
  setTime(sec: number): void {
    this.nowSec = sec;
  }

  show(machine: number): void {
    this.selected = machine;
    this.render();
  }

  hide(): void {
    this.selected = -1;
    this.root.hidden = true;
    this.root.innerHTML = '';
  }

  private render(): void {
    const m = this.selected;
    if (m < 0) return;
    const list = this.spells.get(m) ?? [{ atSec: 0, to: 'idle' as StateName, reason: 'start' }];
    const t0 = list[0]!.atSec;
    const span = Math.max(1e-9, this.nowSec - t0);
    const time = Object.fromEntries(MACHINE_STATES.map((s) => [s, 0])) as Record<StateName, number>;
    const segments = list.map((s, i) => {
      const end = i + 1 < list.length ? list[i + 1]!.atSec : this.nowSec;
      time[s.to] += Math.max(0, end - s.atSec);
      const color = `#${MACHINE_STATE_COLORS[s.to].toString(16).padStart(6, '0')}`;
      return `<span title="${s.to} at ${s.atSec.toFixed(2)} s" style="left:${(((s.atSec - t0) / span) * 100).toFixed(3)}%;width:${((Math.max(0, end - s.atSec) / span) * 100).toFixed(3)}%;background:${color}"></span>`;
    });
    const shares = MACHINE_STATES.filter((s) => time[s] > 0).map((s) => `<dt>${s}</dt><dd>${((time[s] / span) * 100).toFixed(1)} %</dd>`);
    const recent = list
      .slice(-6)
      .reverse()
      .map((s) => `<li>${s.atSec.toFixed(1)} s → ${s.to} (${escapeHtml(s.reason)})</li>`);
    this.root.hidden = false;
    this.root.innerHTML = `<h2>Machine ${escapeHtml(this.names.get(m) ?? String(m))} <button type="button">×</button></h2>
<div class="machine-timeline" style="position:relative;height:14px;background:#e5e7eb">${segments.join('')}</div>
<dl>${shares.join('')}</dl><ol class="machine-changes">${recent.join('')}</ol>`;
    for (const span of this.root.querySelectorAll<HTMLElement>('.machine-timeline span'))
      Object.assign(span.style, { position: 'absolute', top: '0', bottom: '0' });
    this.root.querySelector('button')!.addEventListener('click', () => this.hide());
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
