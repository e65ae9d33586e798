import { builtinKinds } from '../../sim/index.ts';
import { loadTypeLooks } from '../../web/worker/scene-info.ts';
/**
 * The page's per-kind plumbing without a browser: renderers chosen by kind (with the generic
 * marker for a kind the page has no code for), shared frame slots per section, and replay
 * interpolation by field name. (Lives beside the e2e tests because that folder belongs to the
 * page's owner; it needs no browser.)
 */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import type { FrameSectionLayout, PoseFrame } from '../../sim/index.ts';
import { MovingLayer } from '../../web/render/moving-layer.ts';
import { interpolateSection, sectionBlend } from '../../web/replay/interpolate-section.ts';
import type { SceneInfo } from '../../web/shared/protocol.ts';
import { sectionBuffers, SharedFrameSlots } from '../../web/worker/frame-slots.ts';

const ROBOT: FrameSectionLayout = { kind: 'robot', count: 2, stride: 8, fields: ['x', 'z', 'headX', 'headZ', 'speedMps', 'mode', 'load', 'task'] };
const LOAD: FrameSectionLayout = { kind: 'load', count: 3, stride: 5, fields: ['x', 'y', 'z', 'holderKind', 'holderId'] };
/** A kind the page has no renderer for, with a floor position. */
const CONVEYOR: FrameSectionLayout = { kind: 'conveyor', count: 4, stride: 3, fields: ['beltMps', 'x', 'z'] };
/** A kind without a position: nothing to draw. */
const SENSOR: FrameSectionLayout = { kind: 'sensor', count: 2, stride: 1, fields: ['value'] };

function scene(sections: FrameSectionLayout[]): SceneInfo {
  return {
    scenarioId: 'test/kinds@1',
    title: 'kinds',
    cols: 10,
    rows: 10,
    cellM: 1,
    cells: new Uint8Array(100),
    sections,
    kindInfo: {
      robot: {
        shapeOf: new Uint8Array([0, 1]),
        shapes: [
          { modelId: 'shelf-lifter', lengthM: 0.7, widthM: 0.6, heightM: 0.3, handles: 'pod' },
          { modelId: 'tote-carrier', lengthM: 0.6, widthM: 0.45, heightM: 0.35, handles: 'tote' },
        ],
      },
      load: { typeOf: new Uint8Array([0, 0, 1]), types: loadTypeLooks(builtinKinds.loadTypes) },
    },
    hz: 30,
    horizonTicks: 100,
    seed: 1,
  };
}

describe('kind renderers', () => {
  it('draws robots and loads with their own renderers and an unknown kind with markers', () => {
    const layer = new MovingLayer(scene([ROBOT, LOAD, CONVEYOR, SENSOR]));
    expect(layer.drawnCounts()).toEqual({ robot: 2, load: 3, conveyor: 4 });
    expect(layer.group.getObjectByName('robots:shelf-lifter')).toBeInstanceOf(THREE.InstancedMesh);
    expect(layer.group.getObjectByName('loads:tote')).toBeInstanceOf(THREE.InstancedMesh);

    const conveyor = Float32Array.from([0.5, 1.5, 2.5, 0.5, 3.5, 4.5, 0, 5, 6, 0, 7.25, 8.75]);
    layer.update({ conveyor });
    const markers = layer.group.getObjectByName('markers:conveyor') as THREE.InstancedMesh;
    const m = new THREE.Matrix4();
    const p = new THREE.Vector3();
    markers.getMatrixAt(3, m);
    p.setFromMatrixPosition(m);
    expect([p.x, p.y, p.z]).toEqual([7.25, 0, 8.75]);
    layer.dispose();
  });

  it('colours a load by its holder kind (robot, other kind, resting)', () => {
    const layer = new MovingLayer(scene([ROBOT, LOAD]));
    // pod 0 held by robot 1 (kind index 0), pod 1 resting, tote 2 held by kind 2 (not a robot).
    const load = Float32Array.from([1, 0.3, 1, 0, 1, 2, 0, 2, -1, -1, 3, 0.5, 3, 2, 0]);
    layer.update({ load });
    const pods = layer.group.getObjectByName('loads:pod') as THREE.InstancedMesh;
    const totes = layer.group.getObjectByName('loads:tote') as THREE.InstancedMesh;
    const c = new THREE.Color();
    pods.getColorAt(0, c);
    expect(c.getHex()).toBe(0xf43f5e);
    pods.getColorAt(1, c);
    expect(c.getHex()).toBe(0xd97706);
    totes.getColorAt(0, c);
    expect(c.getHex()).toBe(0x14b8a6);
    layer.dispose();
  });
});

describe('shared frame slots', () => {
  it('keeps one region per section and alternates two slots', () => {
    const slots = new SharedFrameSlots([ROBOT, CONVEYOR]);
    const frame = (v: number): PoseFrame => ({
      episode: 1,
      tick: v,
      sections: { robot: new Float32Array(16).fill(v), conveyor: new Float32Array(12).fill(-v) },
    });
    const a = slots.write(frame(1));
    const b = slots.write(frame(2));
    expect(a.robot!.buffer).toBe(b.robot!.buffer);
    expect(a.robot!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([a.robot!.length, a.conveyor!.length]).toEqual([16, 12]);
    expect([a.robot![15], a.conveyor![0], b.robot![0], b.conveyor![11]]).toEqual([1, -1, 2, -2]);
    expect(slots.write(frame(3)).robot).toBe(a.robot);
  });

  it('lists each transferable buffer once', () => {
    const buffer = new ArrayBuffer(64);
    const buffers = sectionBuffers({ robot: new Float32Array(buffer, 0, 8), load: new Float32Array(buffer, 32, 8), other: new Float32Array(4) });
    expect(buffers).toHaveLength(2);
  });
});

describe('replay interpolation', () => {
  it('blends positions by field name, renormalises headings and keeps stepped fields', () => {
    const blend = sectionBlend(ROBOT);
    const a = Float32Array.from([0, 0, 1, 0, 0, 1, -1, 5, 10, 0, 1, 0, 0, 1, -1, 5]);
    const b = Float32Array.from([2, 4, 0, 1, 1, 2, 3, 6, 10, 0, 1, 0, 0, 1, -1, 5]);
    const out = new Float32Array(16);
    interpolateSection(blend, a, b, 0.5, out);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(2);
    expect(out[2]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(out[3]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(out[4]).toBe(0.5);
    expect([out[5], out[6], out[7]]).toEqual([1, -1, 5]);

    const conveyor = sectionBlend(CONVEYOR);
    const c = new Float32Array(12);
    interpolateSection(conveyor, new Float32Array(12), new Float32Array(12).fill(4), 0.25, c);
    expect([c[0], c[1], c[2]]).toEqual([0, 1, 1]);
  });
});
