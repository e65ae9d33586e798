import type { SimModel } from '../../model/sim-model.ts';
import { robotRows } from './robot-columns.ts';
import type { SimState } from '../../state/sim-state.ts';
import type { KindFootprints } from '../../kind/kind-def.ts';

/**
 * What the robots' safety scanners see besides robots and walls: every thing of every kind that
 * declares `footprints` (people, a dropped tote, a blocked aisle), as circles re-read at the start
 * of each tick. Also records, per robot, which obstacle last limited its free distance, so kinds
 * can tell how long robots were held by their things. Scratch only: never hashed.
 */
export class FootprintObstacles {
  /** Kinds with footprints and things in this scenario: registry index and declaration. */
  private readonly sources: ReadonlyArray<{ readonly kind: number; readonly footprints: KindFootprints }>;
  private x = new Float64Array(8);
  private z = new Float64Array(8);
  private radiusM = new Float64Array(8);
  private keepOutM = new Float64Array(8);
  private kind = new Int32Array(8);
  private id = new Int32Array(8);
  /** Obstacles on the floor this tick. */
  count = 0;
  /** Per robot: kind index and id of the obstacle that set its free distance this tick (-1: none), and that distance. */
  readonly limitedByKind: Int32Array;
  readonly limitedById: Int32Array;
  readonly limitedFreeM: Float64Array;

  constructor(model: SimModel) {
    this.sources = model.kinds.kinds.flatMap((def, kind) =>
      def.footprints && (model.things[def.id]?.length ?? 0) > 0 ? [{ kind, footprints: def.footprints }] : [],
    );
    const n = robotRows.things(model).length;
    this.limitedByKind = new Int32Array(n).fill(-1);
    this.limitedById = new Int32Array(n).fill(-1);
    this.limitedFreeM = new Float64Array(n);
  }

  /** Re-reads every footprint; call once per tick before any {@link nearestAhead}. */
  beginTick(model: SimModel, state: SimState): void {
    this.count = 0;
    if (this.sources.length === 0) return;
    this.limitedByKind.fill(-1);
    this.limitedById.fill(-1);
    for (const source of this.sources) {
      source.footprints.write(model, state, (id, x, z, radiusM, keepOutM) => this.add(source.kind, id, x, z, radiusM, keepOutM));
    }
  }

  private add(kind: number, id: number, x: number, z: number, radiusM: number, keepOutM: number): void {
    const k = this.count;
    if (k === this.x.length) this.grow();
    this.x[k] = x;
    this.z[k] = z;
    this.radiusM[k] = radiusM;
    this.keepOutM[k] = keepOutM;
    this.kind[k] = kind;
    this.id[k] = id;
    this.count = k + 1;
  }

  private grow(): void {
    const n = this.x.length * 2;
    const copy = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.x = copy(this.x, (m) => new Float64Array(m));
    this.z = copy(this.z, (m) => new Float64Array(m));
    this.radiusM = copy(this.radiusM, (m) => new Float64Array(m));
    this.keepOutM = copy(this.keepOutM, (m) => new Float64Array(m));
    this.kind = copy(this.kind, (m) => new Int32Array(m));
    this.id = copy(this.id, (m) => new Int32Array(m));
  }

  /**
   * Free distance (metres) from robot `robot`'s front to the nearest obstacle in its lane along the
   * unit direction (hx, hz), less the obstacle's keep-out distance, or `free` when none is nearer.
   * Records the obstacle when it is the nearer one.
   */
  nearestAhead(robot: number, x: number, z: number, hx: number, hz: number, halfLen: number, halfWid: number, free: number): number {
    let best = free;
    for (let k = 0; k < this.count; k++) {
      const dx = this.x[k]! - x;
      const dz = this.z[k]! - z;
      const along = dx * hx + dz * hz;
      if (along <= 0) continue;
      const radius = this.radiusM[k]!;
      if (Math.abs(dx * hz - dz * hx) > halfWid + radius + 0.05) continue;
      const gap = Math.max(0, along - halfLen - radius - this.keepOutM[k]!);
      if (gap < best) {
        best = gap;
        this.limitedByKind[robot] = this.kind[k]!;
        this.limitedById[robot] = this.id[k]!;
        this.limitedFreeM[robot] = gap;
      }
    }
    return best;
  }
}
