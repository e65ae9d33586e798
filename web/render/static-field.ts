import * as THREE from 'three';
import { CellKind } from '../../sim/page-api.ts';
import type { SceneInfo } from '../shared/protocol.ts';
import { CELL_COLORS } from './colors.ts';
import { cellRectangles, mergedBoxGeometry } from './merged-blocks.ts';

/** Height of drawn walls, metres. */
const WALL_HEIGHT_M = 1.2;
/** Grid lines only on fields up to this many cells a side (past it they are finer than a pixel and only shimmer). */
const MAX_GRID_LINES_CELLS = 300;

/**
 * The static field of a scenario: a floor coloured per cell, grid lines (fields up to
 * {@link MAX_GRID_LINES_CELLS} cells a side), walls merged into rectangles in one mesh, station
 * posts and charger pads, each one `InstancedMesh` (or one mesh) however large the layout.
 */
export function buildStaticField(scene: SceneInfo): THREE.Group {
  const group = new THREE.Group();
  group.name = 'static-field';
  const { cols, rows, cellM, cells } = scene;
  group.add(floorMesh(scene));
  if (Math.max(cols, rows) <= MAX_GRID_LINES_CELLS) group.add(gridLines(cols, rows, cellM));
  const walls = new THREE.Mesh(
    mergedBoxGeometry(cellRectangles(cells, cols, rows, CellKind.Wall), cellM, WALL_HEIGHT_M),
    new THREE.MeshLambertMaterial({ color: 0x64748b }),
  );
  walls.name = 'walls';
  group.add(walls);

  const stations: number[] = [];
  const chargers: number[] = [];
  for (let cell = 0; cell < cells.length; cell++) {
    const k = cells[cell];
    if (k === CellKind.Station) stations.push(cell);
    else if (k === CellKind.Charger) chargers.push(cell);
  }
  const m = new THREE.Matrix4();
  const place = (mesh: THREE.InstancedMesh, at: number[], y: number) => {
    at.forEach((cell, i) => {
      const r = Math.floor(cell / cols);
      const c = cell - r * cols;
      mesh.setMatrixAt(i, m.makeTranslation((c + 0.5) * cellM, y, (r + 0.5) * cellM));
    });
    mesh.count = at.length;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    group.add(mesh);
  };
  const post = new THREE.BoxGeometry(cellM * 0.15, 1.0, cellM * 0.8).translate(cellM * 0.5, 0.5, 0);
  place(new THREE.InstancedMesh(post, new THREE.MeshLambertMaterial({ color: 0x0284c7 }), Math.max(1, stations.length)), stations, 0);
  const pad = new THREE.BoxGeometry(cellM * 0.7, 0.04, cellM * 0.7);
  place(new THREE.InstancedMesh(pad, new THREE.MeshLambertMaterial({ color: 0xca8a04 }), Math.max(1, chargers.length)), chargers, 0.02);
  return group;
}

/** The floor as one plane textured with one texel per cell. */
function floorMesh(scene: SceneInfo): THREE.Mesh {
  const { cols, rows, cellM, cells } = scene;
  const data = new Uint8Array(cols * rows * 4);
  const color = new THREE.Color();
  for (let cell = 0; cell < cells.length; cell++) {
    color.setHex(CELL_COLORS[cells[cell]!] ?? 0x475569);
    data[cell * 4] = Math.round(color.r * 255);
    data[cell * 4 + 1] = Math.round(color.g * 255);
    data[cell * 4 + 2] = Math.round(color.b * 255);
    data[cell * 4 + 3] = 255;
  }
  const texture = new THREE.DataTexture(data, cols, rows, THREE.RGBAFormat);
  texture.magFilter = THREE.NearestFilter;
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.flipY = false;
  texture.needsUpdate = true;
  const geometry = new THREE.PlaneGeometry(cols * cellM, rows * cellM);
  geometry.rotateX(-Math.PI / 2);
  flipUvRows(geometry);
  const mesh = new THREE.Mesh(geometry, new THREE.MeshLambertMaterial({ map: texture }));
  mesh.position.set((cols * cellM) / 2, 0, (rows * cellM) / 2);
  mesh.name = 'floor';
  return mesh;
}

/** After rotating a plane onto the floor, v grows toward -z; texel row 0 must sit at z = 0. */
export function flipUvRows(geometry: THREE.BufferGeometry): void {
  const uv = geometry.getAttribute('uv') as THREE.BufferAttribute;
  for (let i = 0; i < uv.count; i++) uv.setY(i, 1 - uv.getY(i));
  uv.needsUpdate = true;
}

function gridLines(cols: number, rows: number, cellM: number): THREE.LineSegments {
  const points: number[] = [];
  for (let c = 0; c <= cols; c++) points.push(c * cellM, 0.005, 0, c * cellM, 0.005, rows * cellM);
  for (let r = 0; r <= rows; r++) points.push(0, 0.005, r * cellM, cols * cellM, 0.005, r * cellM);
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(points, 3));
  return new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ color: 0x94a3b8, transparent: true, opacity: 0.5 }));
}
