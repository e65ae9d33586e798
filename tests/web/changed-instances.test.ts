import { builtinKinds } from '../../sim/index.ts';
import { loadTypeLooks } from '../../web/worker/scene-info.ts';
/**
 * Instance uploads of the moving layer: a frame uploads only the robots and loads that moved or
 * changed colour (one upload range per run of them), none when nothing moved, and the whole
 * buffer when most of it changed. No browser: three.js attributes record what they would upload.
 */
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import type { FrameSectionLayout } from '../../sim/page-api.ts';
import { ChangedInstances } from '../../web/render/kinds/changed-instances.ts';
import { MovingLayer } from '../../web/render/moving-layer.ts';
import type { SceneInfo } from '../../web/shared/protocol.ts';

const ROBOTS = 100;
const ROBOT: FrameSectionLayout = { kind: 'robot', count: ROBOTS, stride: 5, fields: ['x', 'z', 'headX', 'headZ', 'mode'] };
const LOAD: FrameSectionLayout = { kind: 'load', count: 4, stride: 4, fields: ['x', 'y', 'z', 'holderKind'] };

function scene(): SceneInfo {
  return {
    scenarioId: 'test/uploads@1',
    title: 'uploads',
    cols: 40,
    rows: 40,
    cellM: 1,
    cells: new Uint8Array(1600),
    sections: [ROBOT, LOAD],
    kindInfo: {
      robot: { shapeOf: new Uint8Array(ROBOTS), shapes: [{ modelId: 'shelf-lifter', lengthM: 0.7, widthM: 0.6, heightM: 0.3, handles: 'pod' }] },
      load: { typeOf: new Uint8Array(4), types: loadTypeLooks(builtinKinds.loadTypes) },
    },
    hz: 30,
    horizonTicks: 100,
    seed: 1,
  };
}

function robotFrame(): Float32Array {
  const f = new Float32Array(ROBOTS * 5);
  for (let i = 0; i < ROBOTS; i++) f.set([0.5 + (i % 40), 0.5 + Math.floor(i / 40), 1, 0, 1], i * 5);
  return f;
}

/** What drawing a frame does to a mesh's instance attributes: three.js uploads them and forgets the ranges. */
function draw(mesh: THREE.InstancedMesh): void {
  for (const a of [mesh.instanceMatrix, mesh.instanceColor!]) {
    a.clearUpdateRanges();
    a.onUploadCallback();
  }
}

/** Each instance's position as drawn. */
function positions(mesh: THREE.InstancedMesh): number[][] {
  const m = new THREE.Matrix4();
  const p = new THREE.Vector3();
  return Array.from({ length: mesh.count }, (_, i) => {
    mesh.getMatrixAt(i, m);
    return p.setFromMatrixPosition(m).toArray();
  });
}

describe('moving layer uploads', () => {
  it('uploads only the robots that moved, nothing when none did, and draws every pose', () => {
    const layer = new MovingLayer(scene());
    const mesh = layer.group.getObjectByName('robots:shelf-lifter') as THREE.InstancedMesh;
    const robots = robotFrame();
    layer.update({ robot: robots });
    expect(mesh.instanceMatrix.updateRanges).toEqual([]); // the first frame: everything (the whole buffer)
    draw(mesh);
    const first = mesh.instanceMatrix.version;

    layer.update({ robot: robots });
    expect(mesh.instanceMatrix.version).toBe(first); // nothing moved: no upload

    robots[7 * 5] = 12.25; // robot 7 drove on
    robots[9 * 5 + 3] = 1; // robot 9 turned (headZ)
    robots[9 * 5 + 2] = 0;
    robots[80 * 5 + 1] = 3.5; // robot 80, far from the others
    layer.update({ robot: robots });
    expect(mesh.instanceMatrix.version).toBe(first + 1);
    expect(mesh.instanceMatrix.updateRanges).toEqual([
      { start: 7 * 16, count: 3 * 16 },
      { start: 80 * 16, count: 16 },
    ]);
    const drawn = positions(mesh);
    expect(drawn[7]).toEqual([12.25, expect.closeTo(0.15, 6), 0.5]);
    expect(drawn[80]![2]).toBe(3.5);
    expect(mesh.instanceColor!.version).toBeGreaterThan(0);
    layer.dispose();
  });

  it('recolours only robots whose mode changed', () => {
    const layer = new MovingLayer(scene());
    const mesh = layer.group.getObjectByName('robots:shelf-lifter') as THREE.InstancedMesh;
    const robots = robotFrame();
    layer.update({ robot: robots });
    draw(mesh);
    const colors = mesh.instanceColor!.version;
    robots[3 * 5 + 4] = 2;
    layer.update({ robot: robots });
    expect(mesh.instanceColor!.version).toBe(colors + 1);
    expect(mesh.instanceColor!.updateRanges).toEqual([{ start: 9, count: 3 }]);
    layer.dispose();
  });

  it('moves a carried load and leaves resting ones alone', () => {
    const layer = new MovingLayer(scene());
    const pods = layer.group.getObjectByName('loads:pod') as THREE.InstancedMesh;
    const loads = Float32Array.from([1, 0, 1, -1, 2, 0, 2, -1, 3, 0, 3, -1, 4, 0, 4, -1]);
    layer.update({ load: loads });
    const v = pods.instanceMatrix.version;
    layer.update({ load: loads });
    expect(pods.instanceMatrix.version).toBe(v);
    loads.set([2.5, 0.3, 2, 0], 4); // load 1 lifted by robot kind 0 and carried
    layer.update({ load: loads });
    expect(pods.instanceMatrix.version).toBe(v + 1);
    expect(positions(pods)[1]).toEqual([2.5, expect.closeTo(0.3, 6), 2]);
    layer.dispose();
  });
});

describe('ChangedInstances', () => {
  const attribute = () => new THREE.InstancedBufferAttribute(new Float32Array(1000 * 16), 16);

  it('joins nearby instances into one range and uploads the whole buffer when most changed', () => {
    const a = attribute();
    const changed = new ChangedInstances(a, 1000);
    expect(changed.commit()).toBe(false);
    changed.mark(10);
    changed.mark(20);
    changed.mark(500);
    expect(changed.commit()).toBe(true);
    expect(a.updateRanges).toEqual([
      { start: 160, count: 11 * 16 },
      { start: 8000, count: 16 },
    ]);
    a.clearUpdateRanges();
    for (let i = 0; i < 600; i++) changed.mark(i);
    changed.commit();
    expect(a.updateRanges).toEqual([]);
  });

  it('keeps a whole-buffer upload that was not done yet (a frame not drawn)', () => {
    const a = attribute();
    const changed = new ChangedInstances(a, 1000);
    for (let i = 0; i < 1000; i += 100) changed.mark(i); // ten runs: more than one upload's worth
    changed.commit();
    expect(a.updateRanges).toEqual([]);
    changed.mark(3);
    changed.commit(); // not drawn in between: still the whole buffer
    expect(a.updateRanges).toEqual([]);
    a.onUploadCallback(); // three.js uploaded it
    changed.mark(3);
    changed.commit();
    expect(a.updateRanges).toEqual([{ start: 48, count: 16 }]);
  });
});
