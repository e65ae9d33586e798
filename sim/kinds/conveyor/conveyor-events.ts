/** Events of the conveyor kind (typed by augmenting `SimEventMap`); conveyors are named by their authored id. */
declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** An item came onto a belt: it landed and settled there, was transferred or merged in, or was put on. */
    'conveyor.entered': { conveyor: string; item: number; sM: number; via: 'landed' | 'transfer' | 'put' };
    /** An item left a belt: onto the next one (`to`), or taken from its end (`to` null). */
    'conveyor.exited': { conveyor: string; item: number; transitSec: number; to: string | null };
    /** The front item reached the end and cannot leave (no room downstream, nobody takes it). */
    'conveyor.blocked': { conveyor: string; item: number };
    'conveyor.unblocked': { conveyor: string; blockedSec: number };
    'photoeye.blocked': { conveyor: string; eye: number; item: number };
    'photoeye.cleared': { conveyor: string; eye: number };
  }
}
export {};
