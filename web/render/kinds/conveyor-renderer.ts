import * as THREE from 'three';
import { fieldOffset } from '../../shared/frame-fields.ts';
import type { KindRenderer, KindRendererFactory } from './kind-renderer.ts';

const BELT_COLOR = 0x374151;
const STOPPED_COLOR = 0x1f2937;
const BLOCKED_COLOR = 0xb45309;
const ARROW_COLOR = 0xfacc15;
/** Metres between direction arrows along a belt. */
const ARROW_SPACING_M = 0.8;

interface BeltGeometry {
  shape: number;
  ax: number;
  az: number;
  bx: number;
  bz: number;
  radiusM: number;
  startRad: number;
  sweepRad: number;
  widthM: number;
  heightM: number;
}

/** A point `t ∈ [0, 1]` along a belt's centre line, offset `side` metres to the left, with the travel direction. */
function along(g: BeltGeometry, t: number, side: number): { x: number; z: number; tx: number; tz: number } {
  if (g.shape === 0) {
    const len = Math.hypot(g.bx - g.ax, g.bz - g.az) || 1;
    const tx = (g.bx - g.ax) / len;
    const tz = (g.bz - g.az) / len;
    return { x: g.ax + (g.bx - g.ax) * t + tz * side, z: g.az + (g.bz - g.az) * t - tx * side, tx, tz };
  }
  const sign = g.sweepRad >= 0 ? 1 : -1;
  const th = g.startRad + g.sweepRad * t;
  const r = g.radiusM - sign * side;
  return { x: g.ax + r * Math.cos(th), z: g.az - r * Math.sin(th), tx: -sign * Math.sin(th), tz: -sign * Math.cos(th) };
}

/** The belt's top as a strip of quads (one for a straight belt, many for an arc) plus its sides down to the floor. */
function beltMesh(g: BeltGeometry): THREE.BufferGeometry {
  const lengthM = g.shape === 0 ? Math.hypot(g.bx - g.ax, g.bz - g.az) : g.radiusM * Math.abs(g.sweepRad);
  const n = g.shape === 0 ? 1 : Math.max(4, Math.ceil(lengthM / 0.1));
  const pos: number[] = [];
  const idx: number[] = [];
  const h = g.heightM;
  for (let k = 0; k <= n; k++) {
    const l = along(g, k / n, g.widthM / 2);
    const r = along(g, k / n, -g.widthM / 2);
    pos.push(l.x, h, l.z, r.x, h, r.z, l.x, 0, l.z, r.x, 0, r.z);
    if (k > 0) {
      const a = (k - 1) * 4;
      const b = k * 4;
      idx.push(a, b, a + 1, a + 1, b, b + 1); // top
      idx.push(a, a + 2, b, b, a + 2, b + 2); // left side
      idx.push(a + 1, b + 1, a + 3, a + 3, b + 1, b + 3); // right side
    }
  }
  const geo = new THREE.BufferGeometry();
  geo.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  geo.setIndex(idx);
  geo.computeVertexNormals();
  return geo;
}

/** Chevrons on the belt top pointing the way it runs. */
function arrows(g: BeltGeometry, material: THREE.Material): THREE.Object3D[] {
  const lengthM = g.shape === 0 ? Math.hypot(g.bx - g.ax, g.bz - g.az) : g.radiusM * Math.abs(g.sweepRad);
  const n = Math.max(1, Math.floor(lengthM / ARROW_SPACING_M));
  const w = Math.min(0.3, g.widthM * 0.6);
  const shape = new THREE.Shape([
    new THREE.Vector2(w / 2, 0),
    new THREE.Vector2(-w / 2, w / 2),
    new THREE.Vector2(-w / 4, 0),
    new THREE.Vector2(-w / 2, -w / 2),
  ]);
  const geo = new THREE.ShapeGeometry(shape).rotateX(-Math.PI / 2);
  const out: THREE.Object3D[] = [];
  for (let k = 0; k < n; k++) {
    const p = along(g, (k + 0.5) / n, 0);
    const mesh = new THREE.Mesh(geo, material);
    mesh.position.set(p.x, g.heightM + 0.003, p.z);
    mesh.rotation.y = Math.atan2(-p.tz, p.tx);
    out.push(mesh);
  }
  return out;
}

/**
 * Conveyors: each belt drawn once from the geometry in its frame section (a straight box or an
 * arc strip from the floor to the belt top) with chevrons showing the direction; its colour shows
 * whether it runs, stopped, or has its front item blocked at the end. Needs the fields `shape`,
 * `ax`, `az`, `bx`, `bz`, `radiusM`, `startRad`, `sweepRad`, `widthM`, `heightM`, `running`, `blocked`.
 */
export const createConveyorRenderer: KindRendererFactory = ({ section }) => {
  const names = ['shape', 'ax', 'az', 'bx', 'bz', 'radiusM', 'startRad', 'sweepRad', 'widthM', 'heightM', 'running', 'blocked'] as const;
  const f = Object.fromEntries(names.map((n) => [n, fieldOffset(section, n)])) as Record<(typeof names)[number], number>;
  if (Object.values(f).some((o) => o < 0)) return null;
  const { count, stride } = section;
  const group = new THREE.Group();
  group.name = 'kind:conveyor';
  const arrowMaterial = new THREE.MeshBasicMaterial({ color: ARROW_COLOR, side: THREE.DoubleSide });
  const belts: Array<{ mesh: THREE.Mesh; material: THREE.MeshLambertMaterial; state: number }> = [];
  const colors = [new THREE.Color(BELT_COLOR), new THREE.Color(STOPPED_COLOR), new THREE.Color(BLOCKED_COLOR)];
  const renderer: KindRenderer = {
    object: group,
    pickable: [],
    thingAt: () => -1,
    update(poses) {
      for (let i = 0; i < count; i++) {
        const o = i * stride;
        if (!belts[i]) {
          const g: BeltGeometry = {
            shape: poses[o + f.shape]!,
            ax: poses[o + f.ax]!,
            az: poses[o + f.az]!,
            bx: poses[o + f.bx]!,
            bz: poses[o + f.bz]!,
            radiusM: poses[o + f.radiusM]!,
            startRad: poses[o + f.startRad]!,
            sweepRad: poses[o + f.sweepRad]!,
            widthM: poses[o + f.widthM]!,
            heightM: poses[o + f.heightM]!,
          };
          const material = new THREE.MeshLambertMaterial({ color: BELT_COLOR, side: THREE.DoubleSide });
          const mesh = new THREE.Mesh(beltMesh(g), material);
          mesh.name = `conveyor:${i}`;
          group.add(mesh, ...arrows(g, arrowMaterial));
          belts[i] = { mesh, material, state: -1 };
        }
        const belt = belts[i]!;
        const state = poses[o + f.blocked]! === 1 ? 2 : poses[o + f.running]! === 1 ? 0 : 1;
        if (state !== belt.state) {
          belt.state = state;
          belt.material.color.copy(colors[state]!);
        }
      }
    },
    dispose() {
      group.traverse((o) => {
        if (o instanceof THREE.Mesh) o.geometry.dispose();
      });
      for (const b of belts) b.material.dispose();
      arrowMaterial.dispose();
    },
  };
  return renderer;
};
