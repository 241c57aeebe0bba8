/**
 * Squared Euclidean distances between rows and centroids with TensorFlow.js ops,
 * as ||x||² − 2x·c + ||c||²: one matMul does the heavy lifting, so it runs on
 * whichever backend is active (WebGPU, WASM, cpu).
 */
import * as tf from '@tensorflow/tfjs';
import { CentroidBlock } from './centroid-block';

/** A dense row-major matrix: `data[row * cols + col]`. */
export interface DenseMatrix {
	data: Float32Array;
	rows: number;
	cols: number;
}

/** A matrix as a tf.Tensor2D or as plain data (plain data is copied into a tensor the fit owns). */
export type MatrixInput = tf.Tensor2D | DenseMatrix;

/** Rows per chunk when assigning many rows: bounds the rows × k distance buffer on GPUs. */
const ASSIGN_CHUNK = 65_536;

/** Plain data for a matrix input (reads a tensor back once). */
export function denseOf(input: MatrixInput): DenseMatrix {
	if (input instanceof tf.Tensor) {
		const [rows, cols] = input.shape;
		return { data: Float32Array.from(input.dataSync()), rows, cols };
	}
	if (input.data.length !== input.rows * input.cols) throw new Error(`invalid matrix: ${input.data.length} values for ${input.rows} × ${input.cols}`);
	return input;
}

/** Squared norms of each row as an [n, 1] tensor (computed once per fit, reused every iteration). */
export function rowNorms(X: tf.Tensor2D): tf.Tensor2D {
	return tf.tidy(() => tf.sum(tf.square(X), 1, true) as tf.Tensor2D);
}

/**
 * [n, k] squared distances from rows `X` (norms `xSq`) to centroids `C` [k, cols].
 * Clipped at 0: the expansion can go slightly negative in float32 for a row on its centroid.
 */
export function squaredDistances(X: tf.Tensor2D, xSq: tf.Tensor2D, C: tf.Tensor2D): tf.Tensor2D {
	return tf.tidy(() => {
		const cSq = tf.sum(tf.square(C), 1).reshape([1, -1]);
		// C is transposed up front (k × cols is tiny): matMul's transposeB path is ~5× slower on WASM.
		const cross = tf.matMul(X, tf.transpose(C));
		return tf.relu(tf.add(tf.sub(xSq, tf.mul(cross, 2)), cSq)) as tf.Tensor2D;
	});
}

/** Nearest centroid of each row and its squared distance. */
export interface Assignment {
	labels: Int32Array;
	distances: Float32Array;
}

/** Assigns every row of `X` to its nearest centroid, in chunks so memory stays bounded. */
export function assignRows(X: tf.Tensor2D, centroids: Float32Array, k: number): Assignment {
	const [rows, cols] = X.shape;
	if (centroids.length !== k * cols) throw new Error(`invalid centroids: ${centroids.length} values for ${k} × ${cols}`);
	const labels = new Int32Array(rows);
	const distances = new Float32Array(rows);
	const C = tf.tensor2d(centroids, [k, cols]);
	try {
		for (let start = 0; start < rows; start += ASSIGN_CHUNK) {
			const size = Math.min(ASSIGN_CHUNK, rows - start);
			const [lab, dist] = tf.tidy(() => {
				const chunk = size === rows ? X : tf.slice(X, [start, 0], [size, cols]);
				const d = squaredDistances(chunk, rowNorms(chunk), C);
				return [tf.argMin(d, 1), tf.min(d, 1)];
			});
			labels.set(lab.dataSync() as Int32Array, start);
			distances.set(dist.dataSync() as Float32Array, start);
			tf.dispose([lab, dist]);
		}
	} finally {
		C.dispose();
	}
	return { labels, distances };
}

/**
 * Assigns new rows (plain data or a tensor) to the nearest of `k` fitted centroids, with the
 * kernel the fit's row passes use (centroid-block.ts): a training row gets its training label.
 */
export function assignToNearest(input: MatrixInput, model: { k: number; centroids: Float32Array }): Assignment {
	const { data, rows, cols } = denseOf(input);
	if (model.centroids.length !== model.k * cols) throw new Error(`invalid centroids: ${model.centroids.length} values for ${model.k} × ${cols}`);
	const block = new CentroidBlock(data, rows, cols, model.k);
	block.assign(model.centroids);
	return { labels: block.labels.slice(), distances: block.distances.slice() };
}
