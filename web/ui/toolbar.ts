import type { CatalogInfo } from '../shared/protocol.ts';
import type { Speed } from '../streams/sim-client.ts';

/** Value of the scenario picker's entry for a scenario file (dropped or `?scenario=<url>`). */
export const FILE_SCENARIO = 'file:';

/** The toolbar's elements, looked up once. */
export class Toolbar {
  readonly scenario = byId<HTMLSelectElement>('scenario');
  readonly controller = byId<HTMLSelectElement>('controller');
  /** Cell controller for the arms; empty: the scenario's default. */
  readonly cellController = byId<HTMLSelectElement>('cell-controller');
  readonly seed = byId<HTMLInputElement>('seed');
  readonly play = byId<HTMLButtonElement>('play');
  readonly step = byId<HTMLButtonElement>('step');
  readonly reset = byId<HTMLButtonElement>('reset');
  /** Opens the layout editor on the field's scenario. */
  readonly edit = byId<HTMLButtonElement>('edit');
  readonly speed = byId<HTMLSelectElement>('speed');
  readonly heatmap = byId<HTMLInputElement>('heatmap');
  readonly replayFile = byId<HTMLInputElement>('replay-file');
  readonly clock = byId<HTMLElement>('clock');

  /** Fills the pickers from the worker's catalogue. */
  fill(catalog: CatalogInfo, scenario: string, controller: string, seed: number): void {
    this.scenario.replaceChildren();
    for (const s of catalog.scenarios) this.scenario.add(new Option(`${s.name} — ${s.title}`, s.name));
    this.scenario.value = scenario;
    this.controller.replaceChildren();
    for (const c of catalog.controllers) this.controller.add(new Option(c, c));
    for (const b of catalog.brokenControllers) {
      const option = new Option(`${b.name} — failed to load: ${b.error}`, '');
      option.disabled = true;
      option.title = b.error;
      option.dataset.broken = b.name;
      this.controller.add(option);
    }
    this.controller.value = controller;
    const cell = this.cellController.value;
    this.cellController.replaceChildren(new Option('default', ''));
    for (const c of catalog.cellControllers) this.cellController.add(new Option(c, c));
    this.cellController.value = catalog.cellControllers.includes(cell) ? cell : '';
    this.seed.value = String(seed);
  }

  /** Adds (or renames) the picker entry of a scenario file and selects it; `label` replaces `file — name`. */
  showFile(name: string, label?: string): void {
    let option = [...this.scenario.options].find((o) => o.value === FILE_SCENARIO);
    if (!option) {
      option = new Option('', FILE_SCENARIO);
      this.scenario.add(option, 0);
    }
    option.text = label ?? `file — ${name}`;
    this.scenario.value = FILE_SCENARIO;
  }

  setPlaying(playing: boolean): void {
    this.play.textContent = playing ? 'Pause' : 'Play';
  }

  setSpeed(speed: Speed): void {
    this.speed.value = String(speed);
  }

  readSpeed(): Speed {
    return this.speed.value === 'max' ? 'max' : Number(this.speed.value);
  }
}

/** A required element of index.html. */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html lacks #${id}`);
  return el as T;
}
