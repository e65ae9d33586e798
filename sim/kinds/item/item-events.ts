/** Events of the item kind (typed by augmenting `SimEventMap`). */
declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A pooled item came into play. */
    'item.spawned': { item: number; itemType: string; x: number; y: number; z: number };
    /** An item left play (a sink or machine consumed it); its row is free again. */
    'item.consumed': { item: number; itemType: string };
    /** `spawnItem` found no parked row of the type: nothing was spawned (an error KPI). */
    'item.poolExhausted': { itemType: string; pool: number };
    /** A free item came to lie on the floor (fell off a belt, slipped from a gripper). */
    'item.dropped': { item: number; itemType: string; x: number; z: number };
  }
}
export {};
