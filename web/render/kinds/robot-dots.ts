import * as THREE from 'three';

/** Side of a robot's dot on screen, CSS pixels: robots drawn smaller than this show as a dot instead. */
export const ROBOT_DOT_PX = 3;

const VERTEX = /* glsl */ `
uniform float uSizeM;
uniform float uMinPx;
uniform float uViewportH;
attribute vec3 dotColor;
varying vec3 vColor;
void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  gl_Position = projectionMatrix * mv;
  // The robot's size on screen, pixels: a robot drawn at least this large needs no dot.
  float px = uSizeM * projectionMatrix[1][1] * 0.5 * uViewportH / max(1e-3, -mv.z);
  if (px >= uMinPx) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
  gl_PointSize = uMinPx;
  vColor = dotColor;
}`;

const FRAGMENT = /* glsl */ `
varying vec3 vColor;
void main() {
  gl_FragColor = vec4(vColor, 1.0);
}`;

/**
 * Robots as dots of a fixed screen size, each drawn only while its robot is smaller on screen
 * than the dot (a 1,900 m LoRR map seen whole puts a 0.6 m robot under a pixel). One `Points`
 * draw call; the size test runs in the vertex shader, so zooming costs no JavaScript. Positions
 * and colours live in typed arrays written in place and uploaded whole when something changed.
 */
export class RobotDots {
  readonly points: THREE.Points;
  private readonly position: THREE.BufferAttribute;
  private readonly color: THREE.BufferAttribute;
  private moved = false;
  private recoloured = false;

  /** @param sizeM the robots' largest footprint side, metres */
  constructor(count: number, sizeM: number) {
    const geometry = new THREE.BufferGeometry();
    this.position = new THREE.BufferAttribute(new Float32Array(Math.max(1, count) * 3), 3).setUsage(THREE.DynamicDrawUsage);
    this.color = new THREE.BufferAttribute(new Float32Array(Math.max(1, count) * 3), 3).setUsage(THREE.DynamicDrawUsage);
    geometry.setAttribute('position', this.position);
    geometry.setAttribute('dotColor', this.color);
    geometry.setDrawRange(0, count);
    const uniforms = { uSizeM: { value: sizeM }, uMinPx: { value: ROBOT_DOT_PX }, uViewportH: { value: 600 } };
    const material = new THREE.ShaderMaterial({ vertexShader: VERTEX, fragmentShader: FRAGMENT, uniforms });
    this.points = new THREE.Points(geometry, material);
    this.points.name = 'robot-dots';
    this.points.frustumCulled = false;
    this.points.onBeforeRender = (renderer) => {
      uniforms.uMinPx.value = ROBOT_DOT_PX * renderer.getPixelRatio();
      uniforms.uViewportH.value = renderer.domElement.height;
    };
  }

  /** Places robot `i`'s dot (world metres). */
  place(i: number, x: number, y: number, z: number): void {
    const a = this.position.array as Float32Array;
    a[i * 3] = x;
    a[i * 3 + 1] = y;
    a[i * 3 + 2] = z;
    this.moved = true;
  }

  /** Colours robot `i`'s dot (a 0xRRGGBB colour, drawn as given). */
  paint(i: number, hex: number): void {
    const a = this.color.array as Float32Array;
    a[i * 3] = ((hex >> 16) & 255) / 255;
    a[i * 3 + 1] = ((hex >> 8) & 255) / 255;
    a[i * 3 + 2] = (hex & 255) / 255;
    this.recoloured = true;
  }

  /** Uploads what changed since the last call. */
  commit(): void {
    if (this.moved) this.position.needsUpdate = true;
    if (this.recoloured) this.color.needsUpdate = true;
    this.moved = false;
    this.recoloured = false;
  }

  dispose(): void {
    this.points.geometry.dispose();
    (this.points.material as THREE.Material).dispose();
  }
}
