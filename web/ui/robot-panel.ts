import type { RobotDetail } from '../shared/protocol.ts';

/** The followed robot's state, task and route length; a close button ends following. */
export class RobotPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly onClose: () => void,
  ) {}

  hide(): void {
    this.root.hidden = true;
    this.root.replaceChildren();
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
    // Built as elements with text content: nothing from a scenario or replay is ever parsed as markup.
    const head = document.createElement('h2');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.addEventListener('click', () => this.onClose());
    head.append(`Robot ${d.robot} `, close);
    const list = document.createElement('dl');
    for (const [k, v] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      list.append(dt, dd);
    }
    this.root.replaceChildren(head, list);
  }
}
