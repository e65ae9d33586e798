import type { RobotDetail } from '../shared/protocol.ts';

/** The followed robot's state, task and route length; a close button ends following. */
export class RobotPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly onClose: () => void,
  ) {}

  hide(): void {
    this.root.hidden = true;
    this.root.innerHTML = '';
  }

  show(d: RobotDetail): void {
    this.root.hidden = false;
    const task = d.task ? `#${d.task.id} ${d.task.phase} (load ${d.task.load} → station ${d.task.station})` : 'none';
    const rows: Array<[string, string]> = [
      ['Model', d.modelId],
      ['Mode', d.mode],
      ['Speed', `${d.speedMps.toFixed(2)} m/s`],
      ['Battery', `${((d.batteryWh / d.capacityWh) * 100).toFixed(0)} %`],
      ['Carrying', d.carriedLoad >= 0 ? `load ${d.carriedLoad}` : 'nothing'],
      ['Task', task],
      ['Route', `${(d.routeXZ.length / 2 - 1).toFixed(0)} waypoints`],
    ];
    this.root.innerHTML = `<h2>Robot ${d.robot} <button type="button">×</button></h2><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
    this.root.querySelector('button')!.addEventListener('click', () => this.onClose());
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
