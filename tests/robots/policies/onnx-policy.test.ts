import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMlp } from '../../../robots/learn/mlp.ts';
import { mlpToOnnx } from '../../../robots/learn/onnx-writer.ts';
import { loadOnnxPolicy, PolicyModelError, robotModels } from '../../../robots/index.ts';
import { findScenario } from '../../../scenarios/index.ts';
import { createRootRng, SimHost } from '../../../sim/index.ts';

const EXAMPLE = fileURLToPath(new URL('../../../robots/policies/example-policy.onnx', import.meta.url));
const small = findScenario('warehouse/g2p-small')!;

async function runPolicy(bytes: Uint8Array, seed: number, ticks: number) {
  const factory = await loadOnnxPolicy(bytes);
  const host = await SimHost.create(robotModels);
  host.load({ spec: small, controller: factory(), seed });
  const r = await host.advanceAsync(ticks);
  const out = { hash: host.hash(), kpis: host.kpis(), failures: r.events.filter((e) => e.type === 'controller.failed').length };
  host.dispose();
  return out;
}

describe('ONNX policy controller (onnxruntime-web, WASM backend)', () => {
  it('runs the example policy deterministically: same seed ⇒ same hash, and it moves the fleet', async () => {
    const bytes = new Uint8Array(readFileSync(EXAMPLE));
    const a = await runPolicy(bytes, 7, 1800);
    const b = await runPolicy(bytes, 7, 1800);
    expect(b.hash).toBe(a.hash);
    expect(a.failures).toBe(0);
    expect(a.kpis.distanceM).toBeGreaterThan(100);
  });

  it('refuses a malformed model with the expected shapes in the message', async () => {
    await expect(loadOnnxPolicy(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toThrow(PolicyModelError);
    await expect(loadOnnxPolicy(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toThrow(
      /expected input "obs" float32 \[batch, 96\] → output "logits" float32 \[batch, 6\]/,
    );
  });

  it('refuses a model with the wrong input or output width, naming both shapes', async () => {
    const rng = createRootRng(1);
    const wrongOut = mlpToOnnx(createMlp(96, 8, 4, rng), 'obs', 'logits', 'wrong outputs');
    await expect(loadOnnxPolicy(wrongOut)).rejects.toThrow(
      /must have input "obs" float32 \[batch, 96\] → output "logits" float32 \[batch, 6\]; for input \[2, 96\] it gave output \[2, 4\]/,
    );
    const wrongIn = mlpToOnnx(createMlp(50, 8, 6, rng), 'obs', 'logits', 'wrong inputs');
    await expect(loadOnnxPolicy(wrongIn)).rejects.toThrow(/does not accept input "obs" float32 \[batch, 96\]/);
    const wrongName = mlpToOnnx(createMlp(96, 8, 6, rng), 'x', 'y', 'wrong names');
    await expect(loadOnnxPolicy(wrongName)).rejects.toThrow(/it has inputs \[x\] and outputs \[y\]/);
  });

  it('a host that calls the synchronous decide gets a controller.failed naming advanceAsync', async () => {
    const factory = await loadOnnxPolicy(new Uint8Array(readFileSync(EXAMPLE)));
    const host = await SimHost.create(robotModels);
    host.load({ spec: small, controller: factory(), seed: 1 });
    const failed = host.advance(3).events.find((e) => e.type === 'controller.failed');
    expect(failed && 'message' in failed ? failed.message : '').toMatch(/advanceAsync/);
    host.dispose();
  });
});
