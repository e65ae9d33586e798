import onnxProto from 'onnx-proto';
import type { Mlp } from './mlp.ts';

const { onnx } = onnxProto;
const FLOAT = 1;

/** Serialises a two-layer perceptron as an ONNX model: `obs [batch, in]` → Gemm → Relu → Gemm → `logits [batch, out]`. */
export function mlpToOnnx(m: Mlp, inputName: string, outputName: string, docString: string): Uint8Array {
  const tensor = (name: string, dims: number[], data: Float32Array) => ({
    name,
    dims,
    dataType: FLOAT,
    rawData: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
  });
  const valueInfo = (name: string, width: number) => ({
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimValue: width }] } } },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'testfield bench/gym/train-policy.ts',
    docString,
    graph: {
      name: 'policy',
      input: [valueInfo(inputName, m.inputs)],
      output: [valueInfo(outputName, m.outputs)],
      initializer: [
        tensor('w1', [m.inputs, m.hidden], m.w1),
        tensor('b1', [m.hidden], m.b1),
        tensor('w2', [m.hidden, m.outputs], m.w2),
        tensor('b2', [m.outputs], m.b2),
      ],
      node: [
        { opType: 'Gemm', input: [inputName, 'w1', 'b1'], output: ['h_pre'], name: 'dense1' },
        { opType: 'Relu', input: ['h_pre'], output: ['h'], name: 'relu1' },
        { opType: 'Gemm', input: ['h', 'w2', 'b2'], output: [outputName], name: 'dense2' },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
