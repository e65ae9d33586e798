import type { KindDef } from '../kind-def.ts';
import { LOAD_COLUMNS } from './load-columns.ts';

/** Things that are carried: rack pods and totes. */
export const loadKind: KindDef = {
  id: 'load',
  columns: LOAD_COLUMNS,
};
