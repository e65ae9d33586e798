import type { PoseFrame } from '../../sim/index.ts';

/**
 * Two slots of pose arrays in one SharedArrayBuffer, written alternately: the main thread reads
 * only the slot of the newest result, so the worker never writes the slot being drawn.
 */
export class SharedFrameSlots {
  private readonly robots: [Float32Array, Float32Array];
  private readonly loads: [Float32Array, Float32Array];
  private next: 0 | 1 = 0;

  constructor(robotFloats: number, loadFloats: number) {
    const per = robotFloats + loadFloats;
    const sab = new SharedArrayBuffer(Math.max(1, per * 2) * 4);
    this.robots = [new Float32Array(sab, 0, robotFloats), new Float32Array(sab, per * 4, robotFloats)];
    this.loads = [new Float32Array(sab, robotFloats * 4, loadFloats), new Float32Array(sab, (per + robotFloats) * 4, loadFloats)];
  }

  /** Copies `frame` into the next slot and returns that slot's views. */
  write(frame: PoseFrame): { robots: Float32Array; loads: Float32Array } {
    const i = this.next;
    this.next = i === 0 ? 1 : 0;
    this.robots[i].set(frame.robots);
    this.loads[i].set(frame.loads);
    return { robots: this.robots[i], loads: this.loads[i] };
  }
}
