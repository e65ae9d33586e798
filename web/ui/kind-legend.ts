import { CellKind, FRAME_MODE_FAULTED } from '../../sim/page-api.ts';
import { CELL_COLORS, MODE_COLORS } from '../render/colors.ts';
import { HELD_BY_ROBOT_COLOR } from '../render/kinds/load-renderer.ts';
import { kindColor } from '../render/kinds/marker-renderer.ts';
import type { SceneInfo } from '../shared/protocol.ts';

/** One line of the legend: a colour swatch and what it stands for. */
export interface LegendEntry {
  readonly color: string;
  readonly label: string;
}

/** What the marker-drawn kinds of things are, by kind id (others show their id). */
const KIND_LABELS: Readonly<Record<string, string>> = {
  errand: 'errand task: where it goes next',
  chute: 'sort chute',
};

const CELL_LABELS: ReadonlyArray<[number, string]> = [
  [CellKind.Station, 'pick station (P)'],
  [CellKind.Charger, 'charger (C)'],
  [CellKind.Rack, 'rack pod location (R)'],
  [CellKind.ToteRack, 'tote stand (T)'],
  [CellKind.OneWay, 'one-way lane (^ > v <)'],
];

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

/**
 * The legend of a scene: every kind of thing drawn (robots by mode, loads resting and carried,
 * each marker-drawn kind with its colour and count) and the floor cells present. Pure data.
 */
export function legendEntries(scene: Pick<SceneInfo, 'sections' | 'cells'> & Partial<Pick<SceneInfo, 'kindInfo'>>): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const s of scene.sections) {
    if (s.count === 0) continue;
    if (s.kind === 'robot') {
      out.push(
        { color: hex(MODE_COLORS[0]!), label: `robot holding (${s.count} robots)` },
        { color: hex(MODE_COLORS[2]!), label: 'robot driving a route' },
        { color: hex(MODE_COLORS[3]!), label: 'robot lifting / dropping' },
        { color: hex(MODE_COLORS[FRAME_MODE_FAULTED]!), label: 'robot faulted' },
      );
    } else if (s.kind === 'load') {
      // Each load type present, in its resting colour, then the colour of any carried load.
      const info = scene.kindInfo?.load;
      const present = new Set(info?.typeOf ?? []);
      const types = info?.types.filter((_, t) => present.has(t)) ?? [];
      types.forEach((type, k) => out.push({ color: hex(type.colorHex), label: k === 0 ? `${type.label} (${s.count} loads)` : type.label }));
      out.push({ color: hex(HELD_BY_ROBOT_COLOR), label: 'load carried by a robot' });
    } else {
      out.push({ color: `#${kindColor(s.kind).getHexString()}`, label: `${KIND_LABELS[s.kind] ?? s.kind} (${s.count})` });
    }
  }
  const present = new Set(scene.cells);
  for (const [cell, label] of CELL_LABELS) if (present.has(cell)) out.push({ color: hex(CELL_COLORS[cell]!), label });
  return out;
}

/** Fills a list element with the scene's legend. */
export function renderLegend(list: HTMLElement, scene: Pick<SceneInfo, 'sections' | 'cells'> & Partial<Pick<SceneInfo, 'kindInfo'>>): void {
  list.replaceChildren(
    ...legendEntries(scene).map((e) => {
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = e.color;
      li.append(swatch, document.createTextNode(e.label));
      return li;
    }),
  );
}
