/**
 * P(accept): the hybrid score turned into a probability with Platt scaling,
 * fitted on the evaluation customers' candidates (label 1 for the hidden item,
 * the one they did take, 0 for the other items they do not own).
 */
import type { HiddenItems } from './holdout';
import type { Scores } from './rank';

export interface Calibration {
	a: number;
	b: number;
	positives: number;
	candidates: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Fits P = σ(a·score + b) by Newton's method (a tiny ridge keeps separable data finite). */
export function fitPlatt(scores: Scores, train: Uint8Array, items: number, splits: HiddenItems[]): Calibration {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const split of splits) {
		for (let i = 0; i < split.users.length; i++) {
			const base = split.users[i] * items;
			for (let j = 0; j < items; j++) {
				if (train[base + j] || Number.isNaN(scores[base + j])) continue;
				xs.push(scores[base + j]);
				ys.push(j === split.hidden[i] ? 1 : 0);
			}
		}
	}
	const positives = ys.reduce((s, y) => s + y, 0);
	if (positives === 0 || positives === ys.length) return { a: 0, b: Math.log((positives + 0.5) / (ys.length - positives + 0.5)), positives, candidates: ys.length };
	let a = 0;
	let b = Math.log(positives / (ys.length - positives));
	const ridge = 1e-6 * ys.length;
	for (let iter = 0; iter < 50; iter++) {
		let ga = ridge * a;
		let gb = 0;
		let haa = ridge;
		let hab = 0;
		let hbb = 0;
		for (let n = 0; n < xs.length; n++) {
			const p = sigmoid(a * xs[n] + b);
			const r = p - ys[n];
			const w = Math.max(p * (1 - p), 1e-12);
			ga += r * xs[n];
			gb += r;
			haa += w * xs[n] * xs[n];
			hab += w * xs[n];
			hbb += w;
		}
		const det = haa * hbb - hab * hab;
		if (!(det > 0)) break;
		const da = (hbb * ga - hab * gb) / det;
		const db = (haa * gb - hab * ga) / det;
		a -= da;
		b -= db;
		if (Math.abs(da) + Math.abs(db) < 1e-9) break;
	}
	return { a, b, positives, candidates: ys.length };
}

export function applyPlatt(calibration: Calibration, score: number): number {
	return Number.isNaN(score) ? NaN : sigmoid(calibration.a * score + calibration.b);
}
