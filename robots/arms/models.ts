import { armCatalogKey, type ArmModelSpec } from '../../sim/index.ts';
import { epsonG6453s } from './epson-g6-453s.ts';
import { ur5e } from './ur5e.ts';

/** Arm models by id. */
export const armModels: Readonly<Record<string, ArmModelSpec>> = Object.freeze({ [ur5e.id]: ur5e, [epsonG6453s.id]: epsonG6453s });

/** The arm models as host-catalogue entries (`arm:<id>`), what the arm kind compiles from. */
export const armCatalog: Readonly<Record<string, ArmModelSpec>> = Object.freeze(
  Object.fromEntries(Object.values(armModels).map((m) => [armCatalogKey(m.id), m])),
);
