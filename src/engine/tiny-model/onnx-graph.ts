// Builds one ONNX model (IR 8, opset 17) from JS: typed inputs and outputs, initializers, nodes. Node only.
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

const { onnx } = onnxProto;

/** IR 8 / opset 17: what onnxruntime-node 1.30 and transformers.js exports both accept (research/feasibility.md). */
export const IR_VERSION = 8;
export const OPSET = 17;

/** A symbolic dimension name (e.g. `batch_size`) or a fixed size. */
export type Dim = number | string;
export type ElemType = 'float32' | 'int64' | 'bool';

const ELEM_TYPES: Record<ElemType, number> = { float32: 1, int64: 7, bool: 9 };

/** A node attribute, tagged so that `1` and `1.0` cannot be confused. */
export type Attribute = { int: number } | { float: number } | { ints: number[] } | { string: string };

export const int = (value: number): Attribute => ({ int: value });
export const float = (value: number): Attribute => ({ float: value });
export const ints = (value: number[]): Attribute => ({ ints: value });
export const str = (value: string): Attribute => ({ string: value });

/** Collects one graph; every op returns the name of the tensor it produces, so graphs read like expressions. */
export class GraphBuilder {
  private readonly nodes: OnnxTypes.INodeProto[] = [];
  private readonly initializers: OnnxTypes.ITensorProto[] = [];
  private readonly inputs: OnnxTypes.IValueInfoProto[] = [];
  private readonly outputs: OnnxTypes.IValueInfoProto[] = [];
  private readonly constants = new Map<string, string>();
  private readonly scopes: string[] = [];
  private counter = 0;

  constructor(private readonly graphName: string) {}

  /** Declares a graph input and returns its name. */
  input(name: string, type: ElemType, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** Exposes `tensor` as the graph output `name` (through an Identity, which onnxruntime folds away). */
  output(name: string, type: ElemType, dims: Dim[], tensor: string): void {
    this.nodes.push({ opType: 'Identity', input: [tensor], output: [name], name: `output/${name}` });
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** Adds a named float32 initializer (a weight) and returns its name. */
  weight(name: string, dims: number[], data: Float32Array): string {
    this.initializers.push(tensorProto(name, 'float32', dims, bytesOf(data)));
    return name;
  }

  /** A float32 constant, deduplicated by value and shape. */
  floats(values: readonly number[], dims: number[] = [values.length]): string {
    return this.constant('float32', values, dims, () => bytesOf(Float32Array.from(values)));
  }

  /** An int64 constant, deduplicated by value and shape. */
  int64s(values: readonly number[], dims: number[] = [values.length]): string {
    return this.constant('int64', values, dims, () => bytesOf(BigInt64Array.from(values.map(BigInt))));
  }

  /** Runs `build` with `scope` prefixed to the names of the nodes it adds (like torch.onnx's module paths). */
  within<T>(scope: string, build: () => T): T {
    this.scopes.push(scope);
    try {
      return build();
    } finally {
      this.scopes.pop();
    }
  }

  /** Adds a single-output node and returns its output name. */
  op(opType: string, inputs: string[], attributes: Record<string, Attribute> = {}): string {
    return this.opOutputs(opType, inputs, 1, attributes)[0]!;
  }

  /** Adds a node with `count` outputs and returns their names. */
  opOutputs(opType: string, inputs: string[], count: number, attributes: Record<string, Attribute> = {}): string[] {
    const name = `/${[...this.scopes, `${opType}_${this.counter++}`].join('/')}`;
    const output = Array.from({ length: count }, (_, index) => `${name}_output_${index}`);
    const attribute = Object.entries(attributes).map(([key, value]) => attributeProto(key, value));
    this.nodes.push({ opType, input: inputs, output, name, attribute });
    return output;
  }

  /** Serialises the model; throws if protobufjs finds the message malformed. */
  encode(): Uint8Array {
    const model = {
      irVersion: IR_VERSION,
      producerName: 'deskhand-tiny-model',
      opsetImport: [{ domain: '', version: OPSET }],
      graph: {
        name: this.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    };
    const problem = onnx.ModelProto.verify(model);
    if (problem) throw new Error(`Invalid ONNX model ${this.graphName}: ${problem}`);
    return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
  }

  private constant(type: ElemType, values: readonly number[], dims: number[], bytes: () => Uint8Array): string {
    const key = `${type}:${dims.join('x')}:${values.join(',')}`;
    const existing = this.constants.get(key);
    if (existing) return existing;
    const name = `const_${this.constants.size}`;
    this.initializers.push(tensorProto(name, type, dims, bytes()));
    this.constants.set(key, name);
    return name;
  }
}

function valueInfo(name: string, type: ElemType, dims: Dim[]): OnnxTypes.IValueInfoProto {
  const dim = dims.map((value) => (typeof value === 'number' ? { dimValue: value } : { dimParam: value }));
  return { name, type: { tensorType: { elemType: ELEM_TYPES[type], shape: { dim } } } };
}

function tensorProto(name: string, type: ElemType, dims: number[], rawData: Uint8Array): OnnxTypes.ITensorProto {
  return { name, dataType: ELEM_TYPES[type], dims, rawData };
}

/** Little-endian bytes of a typed array (every platform onnxruntime-node ships for is little-endian). */
function bytesOf(values: Float32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
}

function attributeProto(name: string, value: Attribute): OnnxTypes.IAttributeProto {
  const types = onnx.AttributeProto.AttributeType;
  if ('int' in value) return { name, type: types.INT, i: value.int };
  if ('float' in value) return { name, type: types.FLOAT, f: value.float };
  if ('ints' in value) return { name, type: types.INTS, ints: value.ints };
  return { name, type: types.STRING, s: new TextEncoder().encode(value.string) };
}
