/**
 * The congestion overlay rewrites only the cells that ever held congestion (a 3.4 M-cell LoRR map
 * has a few thousand): hot cells coloured by share of the hottest, every other texel left cool
 * and transparent; clear() cools them again.
 */
import { describe, expect, it } from 'vitest';
import { HeatmapOverlay } from '../../web/render/heatmap-overlay.ts';
import type { SceneInfo } from '../../web/shared/protocol.ts';

const COLS = 4;
const ROWS = 3;
const scene: SceneInfo = {
  scenarioId: 't',
  title: 't',
  cols: COLS,
  rows: ROWS,
  cellM: 1,
  cells: new Uint8Array(COLS * ROWS),
  sections: [{ kind: 'robot', count: 3, stride: 4, fields: ['x', 'z', 'speedMps', 'mode'] }],
  kindInfo: {},
  hz: 30,
  horizonTicks: 100,
  seed: 1,
};

const texel = (overlay: HeatmapOverlay, cell: number) => [...(overlay as unknown as { texels: Uint8Array }).texels.subarray(cell * 4, cell * 4 + 4)];

describe('HeatmapOverlay', () => {
  it('colours the held-up robots’ cells by share of the hottest and leaves the rest cool', () => {
    const overlay = new HeatmapOverlay(scene);
    overlay.mesh.visible = true;
    // Robot 0 driving but stopped at cell (row 1, col 2); robot 1 driving at speed; robot 2 following, stopped, at (row 2, col 0).
    const frame = Float32Array.from([2.5, 1.5, 0, 1, 0.5, 0.5, 1.2, 1, 0.5, 2.5, 0.05, 2]);
    overlay.accumulate({ robot: frame }, 2);
    overlay.accumulate({ robot: Float32Array.from([2.5, 1.5, 0, 1, 0.5, 0.5, 1.2, 1, 3.5, 0.5, 1, 0]) }, 2);
    expect(overlay.refresh()).toBe(true);
    const hottest = 1 * COLS + 2;
    const half = 2 * COLS + 0;
    expect(texel(overlay, hottest)).toEqual([255, 0, 0, 210]);
    const v = Math.sqrt(0.5);
    expect(texel(overlay, half)).toEqual([255, Math.round(220 * (1 - v)), 0, Math.round(60 + 150 * v)]);
    for (let cell = 0; cell < COLS * ROWS; cell++) if (cell !== hottest && cell !== half) expect(texel(overlay, cell)).toEqual([255, 220, 0, 0]);
    expect(overlay.refresh()).toBe(false);
    overlay.clear();
    overlay.refresh();
    expect(texel(overlay, hottest)).toEqual([255, 220, 0, 0]);
    overlay.dispose();
  });
});
