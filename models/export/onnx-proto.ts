/**
 * ONNX's messages (onnx.proto, IR version 8) as plain objects, and their
 * encoding. Field numbers are ONNX's own; only the fields the exporters
 * write are here.
 */
import { ProtoWriter } from './protobuf';

/** TensorProto.DataType values. */
export const DT = { float: 1, int64: 7, string: 8, bool: 9, double: 11 } as const;
export type DataType = keyof typeof DT;

export interface Tensor {
	name: string;
	type: DataType;
	dims: number[];
	values: ArrayLike<number> | string[];
}

export type AttributeValue =
	| { f: number }
	| { i: number }
	| { s: string }
	| { t: Tensor }
	| { floats: ArrayLike<number> }
	| { ints: ArrayLike<number> }
	| { strings: string[] };

export type Attribute = AttributeValue & { name: string };

export interface Node {
	op: string;
	domain?: string;
	inputs: string[];
	outputs: string[];
	name: string;
	attributes: Attribute[];
}

/** A graph input or output: a tensor whose dims are numbers or named (the row count "N"). */
export interface ValueInfo {
	name: string;
	type: DataType;
	dims: (number | string)[];
}

export interface Graph {
	name: string;
	nodes: Node[];
	initializers: Tensor[];
	inputs: ValueInfo[];
	outputs: ValueInfo[];
}

export interface Model {
	graph: Graph;
	opsets: { domain: string; version: number }[];
	producer: string;
	doc: string;
	metadata: Record<string, string>;
}

const ATTR = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7, strings: 8 } as const;
const utf8 = (s: string) => new TextEncoder().encode(s);

function tensor(t: Tensor): ProtoWriter {
	const w = new ProtoWriter().packedInts(1, t.dims).int(2, DT[t.type]).string(8, t.name);
	if (t.type === 'string') for (const s of t.values as string[]) w.bytesField(6, utf8(s));
	else if (t.type === 'float') w.packedFloats(4, t.values as ArrayLike<number>);
	else if (t.type === 'double') w.packedDoubles(10, t.values as ArrayLike<number>);
	else w.packedInts(t.type === 'int64' ? 7 : 5, t.values as ArrayLike<number>);
	return w;
}

function attribute(a: Attribute): ProtoWriter {
	const w = new ProtoWriter().string(1, a.name);
	if ('f' in a) return w.float(2, a.f).int(20, ATTR.float);
	if ('i' in a) return w.int(3, a.i).int(20, ATTR.int);
	if ('s' in a) return w.bytesField(4, utf8(a.s)).int(20, ATTR.string);
	if ('t' in a) return w.message(5, tensor(a.t)).int(20, ATTR.tensor);
	if ('floats' in a) return w.packedFloats(7, a.floats).int(20, ATTR.floats);
	if ('ints' in a) return w.packedInts(8, a.ints).int(20, ATTR.ints);
	for (const s of a.strings) w.bytesField(9, utf8(s));
	return w.int(20, ATTR.strings);
}

function node(n: Node): ProtoWriter {
	const w = new ProtoWriter();
	for (const i of n.inputs) w.string(1, i);
	for (const o of n.outputs) w.string(2, o);
	w.string(3, n.name).string(4, n.op);
	for (const a of n.attributes) w.message(5, attribute(a));
	if (n.domain) w.string(7, n.domain);
	return w;
}

function valueInfo(v: ValueInfo): ProtoWriter {
	const shape = new ProtoWriter();
	for (const d of v.dims) shape.message(1, typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d));
	const tensorType = new ProtoWriter().int(1, DT[v.type]).message(2, shape);
	return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}

function graph(g: Graph): ProtoWriter {
	const w = new ProtoWriter();
	for (const n of g.nodes) w.message(1, node(n));
	w.string(2, g.name);
	for (const t of g.initializers) w.message(5, tensor(t));
	for (const v of g.inputs) w.message(11, valueInfo(v));
	for (const v of g.outputs) w.message(12, valueInfo(v));
	return w;
}

/** The model as the bytes of a `.onnx` file. */
export function encodeModel(m: Model): Uint8Array {
	const w = new ProtoWriter().int(1, 8);
	for (const o of m.opsets) w.message(8, new ProtoWriter().string(1, o.domain).int(2, o.version));
	w.string(2, m.producer).string(6, m.doc).message(7, graph(m.graph));
	for (const [key, value] of Object.entries(m.metadata)) w.message(14, new ProtoWriter().string(1, key).string(2, value));
	return w.finish();
}
