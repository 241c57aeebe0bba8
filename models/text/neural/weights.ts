/**
 * Network weights as plain data (the model state) and as TF.js tensors
 * (training, scoring). Initial values come from the seeded generator in
 * JavaScript, so they are the same on every backend.
 */
import * as tf from '@tensorflow/tfjs';

/** One weight tensor as saved in the state: row-major values and their shape. */
export interface WeightArray {
	shape: number[];
	values: Float32Array;
}

/** Named weights of one network (names are the architecture's own). */
export type WeightSet = Record<string, WeightArray>;
/** The same weights as tensors (constants for scoring, variables for training). */
export type TensorSet = Record<string, tf.Tensor>;

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** Seeded initialisers. */
export class Initializer {
	constructor(private readonly rng: () => number) {}

	/** Glorot (Xavier) uniform for a `[fanIn, fanOut]` matrix. */
	glorot(shape: [number, number]): WeightArray {
		return this.uniform(shape, Math.sqrt(6 / (shape[0] + shape[1])));
	}

	uniform(shape: number[], limit: number): WeightArray {
		const values = new Float32Array(size(shape));
		for (let i = 0; i < values.length; i++) values[i] = (2 * this.rng() - 1) * limit;
		return { shape, values };
	}

	/** Gaussian values (Box–Muller). */
	normal(shape: number[], std: number): WeightArray {
		const values = new Float32Array(size(shape));
		for (let i = 0; i < values.length; i++) values[i] = this.gaussian() * std;
		return { shape, values };
	}

	/**
	 * `[n, blocks * n]`: `blocks` square orthogonal matrices side by side (Gram–Schmidt on
	 * Gaussian columns). Orthogonal recurrent weights keep the hidden state's scale over long texts.
	 */
	orthogonalBlocks(n: number, blocks: number): WeightArray {
		const values = new Float32Array(n * n * blocks);
		for (let b = 0; b < blocks; b++) {
			const cols: Float64Array[] = [];
			for (let c = 0; c < n; c++) {
				const v = Float64Array.from({ length: n }, () => this.gaussian());
				for (const u of cols) {
					let dot = 0;
					for (let i = 0; i < n; i++) dot += u[i] * v[i];
					for (let i = 0; i < n; i++) v[i] -= dot * u[i];
				}
				const norm = Math.hypot(...v) || 1;
				for (let i = 0; i < n; i++) v[i] /= norm;
				cols.push(v);
			}
			for (let i = 0; i < n; i++) for (let c = 0; c < n; c++) values[i * n * blocks + b * n + c] = cols[c][i];
		}
		return { shape: [n, n * blocks], values };
	}

	zeros(shape: number[]): WeightArray {
		return { shape, values: new Float32Array(size(shape)) };
	}

	ones(shape: number[]): WeightArray {
		return { shape, values: new Float32Array(size(shape)).fill(1) };
	}

	private gaussian(): number {
		const u = 1 - this.rng(); // (0, 1]: log stays finite
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.rng());
	}
}

/** Constant tensors for scoring; the caller disposes them. */
export function toTensors(weights: WeightSet): TensorSet {
	return Object.fromEntries(Object.entries(weights).map(([name, w]) => [name, tf.tensor(w.values, w.shape, 'float32')]));
}

/** Variables (the temporary tensors are freed: a variable keeps its own reference to the values). */
export function toVariables(weights: WeightSet, trainable = true): Record<string, tf.Variable> {
	return Object.fromEntries(
		Object.entries(weights).map(([name, w]) => {
			const initial = tf.tensor(w.values, w.shape, 'float32');
			const v = tf.variable(initial, trainable);
			initial.dispose();
			return [name, v];
		})
	);
}

/** Reads tensors back into plain arrays. */
export function readWeights(tensors: TensorSet): WeightSet {
	return Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, { shape: [...t.shape], values: Float32Array.from(t.dataSync()) }]));
}

/** Checks that `weights` has every name of `expected` with the same shape (a corrupt or foreign state fails here). */
export function checkWeights(weights: WeightSet, expected: Record<string, number[]>, what: string): void {
	for (const [name, shape] of Object.entries(expected)) {
		const w = weights?.[name];
		if (!w || !(w.values instanceof Float32Array)) throw new Error(`invalid ${what} state: weight "${name}" is missing`);
		if (w.shape.length !== shape.length || w.shape.some((d, i) => d !== shape[i]) || w.values.length !== size(shape)) {
			throw new Error(`invalid ${what} state: weight "${name}" has shape [${w.shape}] (expected [${shape}])`);
		}
	}
}
