import type { Rng } from '../../sim/index.ts';

/** A two-layer perceptron `x → relu(x·W1 + b1) → ·W2 + b2` (row-major `[in, out]` weights). */
export interface Mlp {
  inputs: number;
  hidden: number;
  outputs: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

/** He-initialised weights from a seeded stream. */
export function createMlp(inputs: number, hidden: number, outputs: number, rng: Rng): Mlp {
  const normal = () => {
    // Box–Muller without trig: polar method.
    for (;;) {
      const u = 2 * rng.next() - 1;
      const v = 2 * rng.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  };
  const w1 = Float32Array.from({ length: inputs * hidden }, () => normal() * Math.sqrt(2 / inputs));
  const w2 = Float32Array.from({ length: hidden * outputs }, () => normal() * Math.sqrt(2 / hidden));
  return { inputs, hidden, outputs, w1, b1: new Float32Array(hidden), w2, b2: new Float32Array(outputs) };
}

/** Logits of one input row. */
export function forward(m: Mlp, x: Float32Array, offset: number, h: Float64Array, out: Float64Array): void {
  for (let j = 0; j < m.hidden; j++) {
    let s = m.b1[j]!;
    for (let i = 0; i < m.inputs; i++) s += x[offset + i]! * m.w1[i * m.hidden + j]!;
    h[j] = s > 0 ? s : 0;
  }
  for (let k = 0; k < m.outputs; k++) {
    let s = m.b2[k]!;
    for (let j = 0; j < m.hidden; j++) s += h[j]! * m.w2[j * m.outputs + k]!;
    out[k] = s;
  }
}

/**
 * Trains by minibatch Adam on softmax cross-entropy (behaviour cloning). Returns the final
 * training accuracy. Deterministic: the shuffles come from `rng`.
 */
export function trainMlp(m: Mlp, xs: Float32Array, ys: Int32Array, epochs: number, rng: Rng, lr = 3e-3, batch = 64): number {
  const n = ys.length;
  const params = [m.w1, m.b1, m.w2, m.b2];
  const grads = params.map((p) => new Float64Array(p.length));
  const mom = params.map((p) => new Float64Array(p.length));
  const vel = params.map((p) => new Float64Array(p.length));
  const h = new Float64Array(m.hidden);
  const logits = new Float64Array(m.outputs);
  const dh = new Float64Array(m.hidden);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let start = 0; start < n; start += batch) {
      for (const g of grads) g.fill(0);
      const end = Math.min(n, start + batch);
      for (let b = start; b < end; b++) {
        const row = order[b]!;
        const off = row * m.inputs;
        forward(m, xs, off, h, logits);
        let max = -Infinity;
        for (const v of logits) max = Math.max(max, v);
        let sum = 0;
        for (let k = 0; k < m.outputs; k++) sum += logits[k] = Math.exp(logits[k]! - max);
        dh.fill(0);
        for (let k = 0; k < m.outputs; k++) {
          const d = logits[k]! / sum - (k === ys[row] ? 1 : 0);
          grads[3]![k]! += d;
          for (let j = 0; j < m.hidden; j++) {
            grads[2]![j * m.outputs + k]! += d * h[j]!;
            dh[j]! += d * m.w2[j * m.outputs + k]!;
          }
        }
        for (let j = 0; j < m.hidden; j++) {
          if (h[j]! <= 0) continue;
          grads[1]![j]! += dh[j]!;
          for (let i = 0; i < m.inputs; i++) grads[0]![i * m.hidden + j]! += dh[j]! * xs[off + i]!;
        }
      }
      t += 1;
      const scale = 1 / (end - start);
      for (let p = 0; p < params.length; p++) {
        const w = params[p]!;
        for (let k = 0; k < w.length; k++) {
          const g = grads[p]![k]! * scale;
          mom[p]![k] = 0.9 * mom[p]![k]! + 0.1 * g;
          vel[p]![k] = 0.999 * vel[p]![k]! + 0.001 * g * g;
          const mh = mom[p]![k]! / (1 - 0.9 ** t);
          const vh = vel[p]![k]! / (1 - 0.999 ** t);
          w[k] = w[k]! - (lr * mh) / (Math.sqrt(vh) + 1e-8);
        }
      }
    }
  }
  let correct = 0;
  for (let r = 0; r < n; r++) {
    forward(m, xs, r * m.inputs, h, logits);
    let best = 0;
    for (let k = 1; k < m.outputs; k++) if (logits[k]! > logits[best]!) best = k;
    if (best === ys[r]) correct += 1;
  }
  return correct / n;
}
