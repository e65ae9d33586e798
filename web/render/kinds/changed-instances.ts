import type * as THREE from 'three';

/** Changed instances at most this far apart are uploaded as one range (the bytes between are cheaper than another upload call). */
const MERGE_GAP_INSTANCES = 32;
/** More runs than this and the whole buffer is uploaded in one call. */
const MAX_RANGES = 8;
/** Ranges queued but not yet uploaded (frames not drawn) beyond this, and the next upload is the whole buffer. */
const MAX_QUEUED_RANGES = 32;

/**
 * The instances of one per-instance attribute (an `InstancedMesh`'s `instanceMatrix` or
 * `instanceColor`) that changed this frame, so that only those are uploaded: a frame where
 * nothing moved uploads nothing, and one where a few things moved uploads a few ranges instead
 * of every instance. Call {@link mark} for each changed instance in ascending order, then
 * {@link commit} once per frame. Nothing is allocated per frame beyond three.js's own
 * `addUpdateRange` records (at most {@link MAX_RANGES}).
 */
export class ChangedInstances {
  /** Start and end (exclusive) of each run, in instances. */
  private readonly runs = new Int32Array(MAX_RANGES * 2);
  private count = 0;
  private overflow = false;
  /** A whole-buffer upload was asked for and three.js has not done it yet (the mesh was not drawn since). */
  private fullPending = false;

  constructor(
    private readonly attribute: THREE.BufferAttribute,
    private readonly instances: number,
  ) {
    attribute.onUpload(() => {
      this.fullPending = false;
    });
  }

  /** Records that `instance` changed; instances must come in ascending order within a frame. */
  mark(instance: number): void {
    if (this.overflow) return;
    const n = this.count;
    if (n > 0 && instance - this.runs[n * 2 - 1]! <= MERGE_GAP_INSTANCES) {
      this.runs[n * 2 - 1] = instance + 1;
      return;
    }
    if (n === MAX_RANGES) {
      this.overflow = true;
      return;
    }
    this.runs[n * 2] = instance;
    this.runs[n * 2 + 1] = instance + 1;
    this.count = n + 1;
  }

  /** True when an instance was marked since the last {@link commit}. */
  get any(): boolean {
    return this.count > 0;
  }

  /** Asks three.js to upload the marked instances (all of them past {@link MAX_RANGES} runs); true if anything changed. */
  commit(): boolean {
    if (this.count === 0) return false;
    const a = this.attribute;
    let marked = 0;
    for (let r = 0; r < this.count; r++) marked += this.runs[r * 2 + 1]! - this.runs[r * 2]!;
    // Ranges of a frame that was not drawn (a hidden mesh) stay queued: three.js clears them once it uploads.
    if (this.fullPending || this.overflow || marked * 2 >= this.instances || a.updateRanges.length + this.count > MAX_QUEUED_RANGES) {
      a.clearUpdateRanges(); // no ranges: the whole buffer
      this.fullPending = true;
    } else {
      for (let r = 0; r < this.count; r++) {
        const start = this.runs[r * 2]!;
        a.addUpdateRange(start * a.itemSize, (this.runs[r * 2 + 1]! - start) * a.itemSize);
      }
    }
    a.needsUpdate = true;
    this.count = 0;
    this.overflow = false;
    return true;
  }
}
