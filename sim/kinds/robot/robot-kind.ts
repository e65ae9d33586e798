import type { KindDef } from '../kind-def.ts';
import { ROBOT_COLUMNS } from './robot-columns.ts';

/** Mobile robots: shelf lifters and tote carriers driven by the fleet controller. */
export const robotKind: KindDef = {
  id: 'robot',
  columns: ROBOT_COLUMNS,
};
