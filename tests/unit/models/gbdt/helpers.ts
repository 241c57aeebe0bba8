/** Small synthetic datasets and a fit context for the tree-model tests. */
import type { Dataset, FitContext } from '../../../../models/types';
import { createRng } from '../../../../models/shared/random';

export function context(seed = 1, extra: Partial<FitContext> = {}): FitContext {
	return { seed, progress: () => {}, signal: new AbortController().signal, ...extra };
}

/** Three Gaussian blobs in 2-D plus a noise column: an easy softmax task. */
export function blobs(rows: number, seed: number): Dataset {
	const rng = createRng(seed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
	const centres = [
		[0, 0],
		[3, 0],
		[0, 3]
	];
	const a = new Float64Array(rows);
	const b = new Float64Array(rows);
	const noise = new Float64Array(rows);
	const y = new Int32Array(rows);
	for (let r = 0; r < rows; r++) {
		const k = r % 3;
		y[r] = k;
		a[r] = centres[k][0] + normal();
		b[r] = centres[k][1] + normal();
		noise[r] = normal();
	}
	return {
		X: {
			rows,
			columns: [
				{ name: 'a', kind: 'numeric', values: a },
				{ name: 'b', kind: 'numeric', values: b },
				{ name: 'noise', kind: 'numeric', values: noise }
			]
		},
		y,
		classes: ['bronze', 'silver', 'gold']
	};
}

/** A noisy binary task (logistic in 5 numeric features) for stopping / cancelling. */
export function noisyBinary(rows: number, seed: number): Dataset {
	const rng = createRng(seed);
	const columns = Array.from({ length: 5 }, () => new Float64Array(rows));
	const y = new Int32Array(rows);
	for (let r = 0; r < rows; r++) {
		let z = 0;
		for (let f = 0; f < 5; f++) {
			const v = rng() * 2 - 1;
			columns[f][r] = v;
			z += v * (f === 0 ? 2 : 0.3);
		}
		y[r] = rng() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
	}
	return { X: { rows, columns: columns.map((values, i) => ({ name: `x${i}`, kind: 'numeric', values })) }, y, classes: ['stays', 'churns'] };
}

export function accuracy(probabilities: Float64Array, y: Int32Array): number {
	const k = probabilities.length / y.length;
	let hits = 0;
	for (let r = 0; r < y.length; r++) {
		let best = 0;
		for (let c = 1; c < k; c++) if (probabilities[r * k + c] > probabilities[r * k + best]) best = c;
		if (best === y[r]) hits++;
	}
	return hits / y.length;
}
