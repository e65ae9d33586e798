import * as ort from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { loadOnnxPolicy } from '../../robots/index.ts';
import type { ControllerFactory } from '../../sim/index.ts';

/**
 * onnxruntime-web in the worker: the same WASM build (`ort-wasm-simd-threaded.wasm`, single
 * threaded) as in Node, served by vite from the app's own files (bundled into a build), so a policy
 * gives the same actions, and the run the same hash, in both.
 */
ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href };

const factories = new Map<string, Promise<ControllerFactory>>();

/** The controller factory of a policy file (fetched once, checked against the policy contract). */
export function policyFactory(name: string, url: string): Promise<ControllerFactory> {
  let factory = factories.get(name);
  if (!factory) {
    factory = (async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
      return loadOnnxPolicy(new Uint8Array(await response.arrayBuffer()), { name: name.replace(/\.onnx$/, '') });
    })();
    factory.catch(() => factories.delete(name));
    factories.set(name, factory);
  }
  return factory;
}
