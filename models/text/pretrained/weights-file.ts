/**
 * The shipped model file: a JSON document with the architecture settings,
 * the vocabulary and the weights, quantised to keep the repository small —
 * weight matrices as int8 with one float32 scale per row (per token for the
 * embeddings), vectors (biases, norm gains) as float32. The same code writes
 * it (`scripts/pretrain-sentiment.ts`) and reads it (`loadPretrainedState`).
 */
import type { TransformerConfig } from '../neural/attention';
import type { WeightArray, WeightSet } from '../neural/weights';
import { fromBase64, toBase64 } from '../../shared/state-json';

export const MODEL_FILE_FORMAT = 'crm-workbench-text-model';

interface StoredWeight {
	shape: number[];
	/** 'int8-rows': `data` holds int8 values, `scales` one float32 per row; 'float32': raw values. */
	encoding: 'int8-rows' | 'float32';
	data: string;
	scales?: string;
}

export interface ModelFile {
	format: typeof MODEL_FILE_FORMAT;
	version: 1;
	architecture: 'transformer';
	/** The shipped classes, negative first (index 1 = positive = a 5-star "great" review in the training data). */
	classes: string[];
	config: TransformerConfig;
	maxLength: number;
	vocab: string[];
	weights: Record<string, StoredWeight>;
	/** How the file was produced (data, seed, measured accuracy): shown in the model card too. */
	training: Record<string, unknown>;
}

const bytesOf = (a: Float32Array | Int8Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** int8 rows with a scale each (max |w| of the row / 127): the error per weight is at most half a step. */
export function encodeWeight(w: WeightArray): StoredWeight {
	if (w.shape.length !== 2) return { shape: w.shape, encoding: 'float32', data: toBase64(bytesOf(w.values)) };
	const [rows, cols] = w.shape;
	const q = new Int8Array(rows * cols);
	const scales = new Float32Array(rows);
	for (let r = 0; r < rows; r++) {
		let max = 0;
		for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(w.values[r * cols + c]));
		const scale = max > 0 ? max / 127 : 1;
		scales[r] = scale;
		for (let c = 0; c < cols; c++) q[r * cols + c] = Math.round(w.values[r * cols + c] / scale);
	}
	return { shape: w.shape, encoding: 'int8-rows', data: toBase64(bytesOf(q)), scales: toBase64(bytesOf(scales)) };
}

export function decodeWeight(s: StoredWeight, name: string): WeightArray {
	const size = s.shape.reduce((a, b) => a * b, 1);
	const bytes = fromBase64(s.data);
	if (s.encoding === 'float32') {
		const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
		if (values.length !== size) throw new Error(`invalid model file: weight "${name}" has ${values.length} values for shape [${s.shape}]`);
		return { shape: [...s.shape], values: Float32Array.from(values) };
	}
	if (s.encoding !== 'int8-rows' || !s.scales || s.shape.length !== 2) throw new Error(`invalid model file: weight "${name}" has encoding ${s.encoding}`);
	const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const scaleBytes = fromBase64(s.scales);
	const scales = new Float32Array(scaleBytes.buffer, scaleBytes.byteOffset, scaleBytes.byteLength / 4);
	const [rows, cols] = s.shape;
	if (q.length !== size || scales.length !== rows) throw new Error(`invalid model file: weight "${name}" does not match shape [${s.shape}]`);
	const values = new Float32Array(size);
	for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values[r * cols + c] = q[r * cols + c] * scales[r];
	return { shape: [...s.shape], values };
}

export function encodeWeights(weights: WeightSet): Record<string, StoredWeight> {
	return Object.fromEntries(Object.entries(weights).map(([name, w]) => [name, encodeWeight(w)]));
}

export function decodeWeights(stored: Record<string, StoredWeight>): WeightSet {
	return Object.fromEntries(Object.entries(stored).map(([name, s]) => [name, decodeWeight(s, name)]));
}
