import { CellKind, FRAME_MODE_FAULTED } from '../../sim/page-api.ts';

/** Robot colours by frame `mode` (RobotMode 0 hold … 5 docked; red at FRAME_MODE_FAULTED). */
export const MODE_COLORS: readonly number[] = withFaulted([0x9aa3ad, 0x3b82f6, 0x22c55e, 0xf59e0b, 0xf59e0b, 0xeab308], 0xef4444);

function withFaulted(colors: number[], faulted: number): number[] {
  const out = [...colors];
  out[FRAME_MODE_FAULTED] = faulted;
  for (let i = 0; i < out.length; i++) out[i] ??= colors[0]!;
  return out;
}

/** Floor tint per cell kind. */
export const CELL_COLORS: Readonly<Record<number, number>> = {
  [CellKind.Floor]: 0xd9dde2,
  [CellKind.Rack]: 0xb9c2cc,
  [CellKind.Station]: 0x7dd3fc,
  [CellKind.Charger]: 0xfde047,
  [CellKind.Spawn]: 0xd9dde2,
  [CellKind.OneWay]: 0xcfd6de,
  [CellKind.ToteRack]: 0xc4b5fd,
};
