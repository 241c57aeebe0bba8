/**
 * k-means speed on a synthetic 1,000,000 × 16 table, k = 8, in Node with the WASM backend:
 * full Lloyd for 50 iterations (one start, tol 0 so all 50 run) and the default mini-batch path.
 * Prints one JSON line.  npx tsx scripts/bench-kmeans.ts [rows]
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans } from '../models/cluster';
import { createRng } from '../models/shared';
import { useFastestNodeBackend } from './node-backend';

const rows = Number(process.argv[2] ?? 1_000_000);
const cols = 16;
const k = 8;

async function main() {
	const backend = await useFastestNodeBackend();
	const rng = createRng(1);
	const data = new Float32Array(rows * cols);
	for (let r = 0; r < rows; r++) {
		const centre = r % k;
		for (let c = 0; c < cols; c++) data[r * cols + c] = (c === centre ? 4 : 0) + rng() - 0.5;
	}
	const matrix = { data, rows, cols };
	const before = tf.memory().numTensors;
	let started = performance.now();
	const lloyd = kmeans(matrix, { k, seed: 42, restarts: 1, maxIter: 50, tol: 0, miniBatch: false });
	const lloydMs = performance.now() - started;
	started = performance.now();
	const mini = kmeans(matrix, { k, seed: 42 });
	const miniMs = performance.now() - started;
	console.log(
		JSON.stringify({
			bench: 'kmeans',
			backend,
			rows,
			cols,
			k,
			lloyd_iterations: lloyd.iterations,
			lloyd_ms: Math.round(lloydMs),
			minibatch_steps: mini.iterations,
			minibatch_ms: Math.round(miniMs),
			tensors_leaked: tf.memory().numTensors - before
		})
	);
}

main().catch((e: Error) => {
	console.error(`bench-kmeans: ${e.message}`);
	process.exit(1);
});
