/**
 * Multiclass metrics (`metrics.ts` re-exports them). Class indices run
 * 0 .. k−1; `probs` is row-major, `k` probabilities per row. Definitions
 * follow scikit-learn.
 */

function checkRows(yTrue: ArrayLike<number>, probs: ArrayLike<number>, k: number): void {
	if (!Number.isInteger(k) || k < 2) throw new Error(`invalid k: ${k}`);
	if (probs.length !== yTrue.length * k) throw new Error(`invalid probs: ${probs.length} values for ${yTrue.length} rows × ${k} classes`);
}

/** The most probable class of each row (the first on ties, like numpy's argmax). */
export function argmaxRows(probs: ArrayLike<number>, k: number): Int32Array {
	const rows = Math.floor(probs.length / k);
	const out = new Int32Array(rows);
	for (let r = 0; r < rows; r++) {
		let best = 0;
		for (let c = 1; c < k; c++) if (probs[r * k + c] > probs[r * k + best]) best = c;
		out[r] = best;
	}
	return out;
}

/** Share of rows whose most probable class is the true one. */
export function multiclassAccuracy(yTrue: Int32Array, probs: Float64Array, k: number): number {
	checkRows(yTrue, probs, k);
	if (yTrue.length === 0) return NaN;
	const predicted = argmaxRows(probs, k);
	let right = 0;
	for (let i = 0; i < yTrue.length; i++) if (predicted[i] === yTrue[i]) right++;
	return right / yTrue.length;
}

/** Counts with true classes as rows and predicted classes as columns (sklearn's layout). */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number): number[][] {
	if (yTrue.length !== yPred.length) throw new Error(`invalid yPred: ${yPred.length} predictions for ${yTrue.length} rows`);
	const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	for (let i = 0; i < yTrue.length; i++) {
		const t = yTrue[i];
		const p = yPred[i];
		if (!(t >= 0 && t < k && p >= 0 && p < k)) throw new Error(`invalid class: ${t} or ${p} (k = ${k})`);
		matrix[t][p]++;
	}
	return matrix;
}

/**
 * Unweighted mean of per-class F1 over the classes that occur in the truth or
 * the predictions (sklearn's `average='macro'` without `labels`); a class
 * never predicted correctly counts as 0.
 */
export function macroF1(yTrue: Int32Array, probs: Float64Array, k: number): number {
	checkRows(yTrue, probs, k);
	const matrix = confusionMatrix(yTrue, argmaxRows(probs, k), k);
	let sum = 0;
	let present = 0;
	for (let c = 0; c < k; c++) {
		const tp = matrix[c][c];
		let actual = 0;
		let predicted = 0;
		for (let j = 0; j < k; j++) {
			actual += matrix[c][j];
			predicted += matrix[j][c];
		}
		if (actual === 0 && predicted === 0) continue;
		present++;
		sum += actual + predicted === 0 ? 0 : (2 * tp) / (actual + predicted);
	}
	return present === 0 ? NaN : sum / present;
}

/** Mean −log p(true class), p clipped at 1e-15 so a confident miss stays finite. */
export function multiLogLoss(yTrue: Int32Array, probs: Float64Array, k: number): number {
	checkRows(yTrue, probs, k);
	if (yTrue.length === 0) return NaN;
	let sum = 0;
	for (let i = 0; i < yTrue.length; i++) {
		const y = yTrue[i];
		if (!(y >= 0 && y < k)) throw new Error(`invalid class: ${y} (k = ${k})`);
		sum -= Math.log(Math.max(1e-15, Math.min(1, probs[i * k + y])));
	}
	return sum / yTrue.length;
}
