import * as THREE from 'three';

/**
 * An `InstancedMesh` of `count` instances whose matrices are rewritten every frame: dynamic
 * usage, never frustum-culled (instances move outside the geometry's bounds), every instance
 * coloured `color` to begin with (`instanceColor` always exists).
 */
export function dynamicInstances(
  geometry: THREE.BufferGeometry,
  material: THREE.Material,
  count: number,
  color: THREE.Color,
  name: string,
): THREE.InstancedMesh {
  const mesh = new THREE.InstancedMesh(geometry, material, Math.max(1, count));
  mesh.count = count;
  mesh.name = name;
  mesh.frustumCulled = false;
  mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
  // At least one colour, so `instanceColor` exists even for an empty kind.
  for (let k = 0; k < Math.max(1, count); k++) mesh.setColorAt(k, color);
  return mesh;
}

/** Frees an instanced mesh with its geometry and material. */
export function disposeInstances(mesh: THREE.InstancedMesh): void {
  mesh.geometry.dispose();
  (mesh.material as THREE.Material).dispose();
  mesh.dispose();
}
