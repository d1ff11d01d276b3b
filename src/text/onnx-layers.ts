/**
 * Leaves encoder layers out of a BERT-style ONNX sentence-transformer: the student of the latency
 * paths is the pinned int8 model with layers 1 and 3 left out (transformer.ts), so it needs no model
 * file beyond the pinned one. Works on the protobuf bytes directly (ModelProto → GraphProto, no ONNX
 * library) and relies on the tensor names the Hugging Face exporter writes: a kept layer that read
 * `/encoder/layer.{k-1}/output/LayerNorm/Add_1_output_0` (and its int8-quantized forms) reads the
 * output of the kept layer before it, or of the embeddings. The graph keeps every node the output
 * depends on, with the initializers and value infos those nodes use; when the last layer is left
 * out, an Identity node names the last kept layer's output `last_hidden_state`, so inputs and
 * outputs keep their names and shapes. Everything else is copied byte for byte: the result is
 * deterministic (pinned by sha256 like the downloads), and keeping every layer gives back the same
 * bytes.
 */

interface Field {
  no: number;
  start: number;
  end: number;
  /** The payload of a length-delimited field. */
  vstart: number;
  vend: number;
}

function varint(b: Uint8Array, p: number): [number, number] {
  let x = 0;
  let m = 1;
  for (;;) {
    const c = b[p++];
    x += (c & 127) * m;
    m *= 128;
    if (c < 128) return [x, p];
  }
}

function fields(b: Uint8Array, s: number, e: number): Field[] {
  const out: Field[] = [];
  let p = s;
  while (p < e) {
    const start = p;
    let key: number;
    [key, p] = varint(b, p);
    const wire = key & 7;
    const no = Math.floor(key / 8);
    let vstart = p;
    if (wire === 0) p = varint(b, p)[1];
    else if (wire === 1) p += 8;
    else if (wire === 5) p += 4;
    else if (wire === 2) {
      const [len, q] = varint(b, p);
      vstart = q;
      p = q + len;
    } else throw new Error(`not an ONNX model: protobuf wire type ${wire} at byte ${start}`);
    out.push({ no, start, end: p, vstart, vend: p });
  }
  if (p !== e) throw new Error('not an ONNX model: a protobuf field runs past its message');
  return out;
}

function encodeVarint(x: number): number[] {
  const out: number[] = [];
  while (x >= 128) {
    out.push((x % 128) | 128);
    x = Math.floor(x / 128);
  }
  out.push(x);
  return out;
}

function lengthDelimited(no: number, payload: Uint8Array): Uint8Array {
  const head = [...encodeVarint(no * 8 + 2), ...encodeVarint(payload.length)];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

// ModelProto.graph, GraphProto.{node, initializer, input, output, value_info}, NodeProto.{input,
// output, op_type}, TensorProto.name, ValueInfoProto.name (onnx.proto field numbers).
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const GRAPH_OUTPUT = 12;
const GRAPH_VALUE_INFO = 13;
const NODE_INPUT = 1;
const NODE_OUTPUT = 2;
const NODE_NAME = 3;
const NODE_OP = 4;
const TENSOR_NAME = 8;
const VALUE_INFO_NAME = 1;

const layerOutput = (layer: number) =>
  layer < 0 ? '/embeddings/LayerNorm/Add_1_output_0' : `/encoder/layer.${layer}/output/LayerNorm/Add_1_output_0`;

/**
 * The model's bytes with only the encoder layers in `keep` (ascending, from 0): each kept layer reads
 * the output of the kept layer before it (or of the embeddings), and `last_hidden_state` is the output
 * of the last kept layer (see the file comment).
 */
export function keepLayers(model: Uint8Array, keep: number[]): Uint8Array {
  const text = new TextDecoder();
  const utf8 = new TextEncoder();
  const str = (f: Field) => text.decode(model.subarray(f.vstart, f.vend));
  const top = fields(model, 0, model.length);
  const graph = top.find((f) => f.no === MODEL_GRAPH);
  if (!graph) throw new Error('not an ONNX model: no graph');
  const parts = fields(model, graph.vstart, graph.vend);
  const nodes = parts
    .filter((f) => f.no === GRAPH_NODE)
    .map((f) => {
      const nf = fields(model, f.vstart, f.vend);
      return {
        field: f,
        parts: nf,
        inputs: nf.filter((x) => x.no === NODE_INPUT).map(str),
        outputs: nf.filter((x) => x.no === NODE_OUTPUT).map(str),
      };
    });
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => n.outputs.forEach((o) => producer.set(o, i)));
  const graphOutputs = parts.filter((f) => f.no === GRAPH_OUTPUT);
  const outputName = graphOutputs.length
    ? str(fields(model, graphOutputs[0].vstart, graphOutputs[0].vend).find((x) => x.no === VALUE_INFO_NAME)!)
    : '';
  if (graphOutputs.length !== 1 || outputName !== 'last_hidden_state')
    throw new Error('the model must have one output, last_hidden_state, to be cut');
  const layerOf = (i: number) => {
    const name = nodes[i].parts.find((x) => x.no === NODE_NAME);
    const m = name ? /^\/encoder\/layer\.(\d+)\//.exec(str(name)) : null;
    return m ? Number(m[1]) : -1;
  };
  const layers = Math.max(...nodes.map((_, i) => layerOf(i))) + 1;
  if (
    !keep.length ||
    keep.some((k, i) => !(Number.isInteger(k) && k >= 0 && k < layers) || (i > 0 && k <= keep[i - 1]))
  )
    throw new Error(`keep must list distinct encoder layers in ascending order, from 0 to ${layers - 1}`);

  // A kept layer reads the kept layer before it (or the embeddings) where it read the layer before it.
  const previous = new Map(keep.map((k, i) => [k, i === 0 ? -1 : keep[i - 1]]));
  const renamed = (name: string, layer: number) => {
    const from = layerOutput(layer - 1);
    if (!previous.has(layer) || !name.startsWith(from)) return name;
    return layerOutput(previous.get(layer)!) + name.slice(from.length);
  };
  const finalLayer = keep[keep.length - 1];
  const target = finalLayer === layers - 1 ? 'last_hidden_state' : layerOutput(finalLayer);
  const inputsOf = (i: number) => nodes[i].inputs.map((x) => renamed(x, layerOf(i)));

  // Every node the output depends on, through the renamed inputs.
  const kept = new Set<number>();
  const used = new Set<string>();
  const stack = [target];
  while (stack.length) {
    const t = stack.pop()!;
    if (used.has(t)) continue;
    used.add(t);
    const i = producer.get(t);
    if (i === undefined || kept.has(i)) continue;
    kept.add(i);
    for (const input of inputsOf(i)) if (input) stack.push(input);
  }
  const produced = new Set([...kept].flatMap((i) => nodes[i].outputs));
  const nodeBytes = (i: number) => {
    const n = nodes[i];
    if (inputsOf(i).every((x, k) => x === n.inputs[k])) return model.subarray(n.field.start, n.field.end);
    return lengthDelimited(
      GRAPH_NODE,
      Buffer.concat([
        ...inputsOf(i).map((x) => lengthDelimited(NODE_INPUT, utf8.encode(x))),
        ...n.parts.filter((x) => x.no !== NODE_INPUT).map((x) => model.subarray(x.start, x.end)),
      ]),
    );
  };
  const identity =
    target === 'last_hidden_state'
      ? null
      : Buffer.concat([
          lengthDelimited(NODE_INPUT, utf8.encode(target)),
          lengthDelimited(NODE_OUTPUT, utf8.encode('last_hidden_state')),
          lengthDelimited(NODE_NAME, utf8.encode(`output_of_layer_${finalLayer}`)),
          lengthDelimited(NODE_OP, utf8.encode('Identity')),
        ]);
  const out: Uint8Array[] = [];
  let nodeIndex = 0;
  for (const f of parts) {
    const raw = model.subarray(f.start, f.end);
    if (f.no === GRAPH_NODE) {
      const i = nodeIndex++;
      if (kept.has(i)) out.push(nodeBytes(i));
    } else if (f.no === GRAPH_INITIALIZER) {
      const name = fields(model, f.vstart, f.vend).find((x) => x.no === TENSOR_NAME);
      if (name && used.has(str(name))) out.push(raw);
    } else if (f.no === GRAPH_VALUE_INFO) {
      const name = fields(model, f.vstart, f.vend).find((x) => x.no === VALUE_INFO_NAME);
      if (name && produced.has(str(name))) out.push(raw);
    } else out.push(raw);
  }
  // A repeated field may continue anywhere in a message: the Identity node goes last.
  if (identity) out.push(lengthDelimited(GRAPH_NODE, identity));
  const newGraph = lengthDelimited(MODEL_GRAPH, Buffer.concat(out));
  return Buffer.concat(top.map((f) => (f === graph ? newGraph : model.subarray(f.start, f.end))));
}
