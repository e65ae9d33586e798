import * as THREE from 'three';

/**
 * Cells of one kind merged into rectangles: each row's runs of the kind, a run extended down
 * while the next row has the very same run. Four numbers per rectangle (first column, first row,
 * end column, end row; ends exclusive). A 1,912 × 1,800 LoRR map with 1.2 million obstacle cells
 * becomes about 4,000 rectangles.
 */
export function cellRectangles(cells: Uint8Array, cols: number, rows: number, kind: number): Int32Array {
  const out: number[] = [];
  /** Open rectangles by run start column: [end column, index into out]. */
  let open = new Map<number, [number, number]>();
  for (let r = 0; r < rows; r++) {
    const next = new Map<number, [number, number]>();
    const base = r * cols;
    let c = 0;
    while (c < cols) {
      if (cells[base + c] !== kind) {
        c++;
        continue;
      }
      const start = c;
      while (c < cols && cells[base + c] === kind) c++;
      const prev = open.get(start);
      if (prev && prev[0] === c) {
        out[prev[1] + 3] = r + 1;
        next.set(start, prev);
      } else {
        next.set(start, [c, out.length]);
        out.push(start, r, c, r + 1);
      }
    }
    open = next;
  }
  return Int32Array.from(out);
}

/**
 * One mesh geometry holding a box per rectangle (`cellRectangles`' output), `heightM` tall on the
 * floor, in metres of `cellM` cells: top and four sides (no bottom), with normals for lighting.
 * One draw call however many rectangles.
 */
export function mergedBoxGeometry(rects: Int32Array, cellM: number, heightM: number): THREE.BufferGeometry {
  const n = rects.length / 4;
  const faces = 5;
  const positions = new Float32Array(n * faces * 4 * 3);
  const normals = new Float32Array(n * faces * 4 * 3);
  const index = new Uint32Array(n * faces * 6);
  let v = 0;
  let ix = 0;
  const quad = (
    ax: number,
    ay: number,
    az: number,
    bx: number,
    by: number,
    bz: number,
    cx: number,
    cy: number,
    cz: number,
    dx: number,
    dy: number,
    dz: number,
    nx: number,
    ny: number,
    nz: number,
  ) => {
    const o = v * 3;
    positions[o] = ax;
    positions[o + 1] = ay;
    positions[o + 2] = az;
    positions[o + 3] = bx;
    positions[o + 4] = by;
    positions[o + 5] = bz;
    positions[o + 6] = cx;
    positions[o + 7] = cy;
    positions[o + 8] = cz;
    positions[o + 9] = dx;
    positions[o + 10] = dy;
    positions[o + 11] = dz;
    for (let k = 0; k < 12; k += 3) {
      normals[o + k] = nx;
      normals[o + k + 1] = ny;
      normals[o + k + 2] = nz;
    }
    index[ix] = v;
    index[ix + 1] = v + 1;
    index[ix + 2] = v + 2;
    index[ix + 3] = v;
    index[ix + 4] = v + 2;
    index[ix + 5] = v + 3;
    v += 4;
    ix += 6;
  };
  const h = heightM;
  for (let i = 0; i < n; i++) {
    const x0 = rects[i * 4]! * cellM;
    const z0 = rects[i * 4 + 1]! * cellM;
    const x1 = rects[i * 4 + 2]! * cellM;
    const z1 = rects[i * 4 + 3]! * cellM;
    // Counter-clockwise seen from outside each face.
    quad(x0, h, z0, x0, h, z1, x1, h, z1, x1, h, z0, 0, 1, 0);
    quad(x0, 0, z1, x1, 0, z1, x1, h, z1, x0, h, z1, 0, 0, 1);
    quad(x1, 0, z0, x0, 0, z0, x0, h, z0, x1, h, z0, 0, 0, -1);
    quad(x1, 0, z1, x1, 0, z0, x1, h, z0, x1, h, z1, 1, 0, 0);
    quad(x0, 0, z0, x0, 0, z1, x0, h, z1, x0, h, z0, -1, 0, 0);
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new THREE.BufferAttribute(normals, 3));
  geometry.setIndex(new THREE.BufferAttribute(index, 1));
  geometry.computeBoundingSphere();
  return geometry;
}
