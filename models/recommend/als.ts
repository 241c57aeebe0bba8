/**
 * Matrix factorisation for implicit feedback (Hu, Koren & Volinsky's weighted
 * ALS): owning an item counts with confidence 1 + alpha, not owning with 1.
 * Each half-step solves every customer's (or item's) ridge system at once with
 * a few conjugate-gradient steps (Takács et al., "ALS-CG") written as batched
 * TensorFlow.js ops, so it runs on whichever backend the worker chose. Only the
 * item factors are kept: scoring folds each customer in (one exact half-step),
 * so new customers score too.
 */
import * as tf from '@tensorflow/tfjs';
import { MODEL_CATALOG } from '../catalog';
import { createRng } from '../shared/random';
import { yieldAndCheck } from '../shared/cancel';
import { checkData, checkItems, checkState } from './state';
import type { Recommender, RecommenderState } from './types';

/** Up to this many items, each item is scored with its own fold-in (see `score`). */
const MASKED_ITEMS = 64;

export interface AlsParams {
	/** Latent factors (capped at the number of items). Default 8. */
	factors: number;
	/** Extra confidence of an owned item. Default 20. */
	alpha: number;
	/** L2 penalty. Default 10 (small catalogues overfit below it). */
	lambda: number;
	/** Alternating sweeps. Default 12. */
	iterations: number;
	/** Conjugate-gradient steps per half-sweep. Default 3. */
	cgSteps: number;
}

export interface AlsState extends RecommenderState {
	kind: 'als';
	version: 1;
	params: AlsParams;
	factors: number;
	items: number;
	/** items × factors, row-major. */
	itemFactors: Float32Array;
}

/**
 * A few CG steps on every row of X for (X G + ((X Bᵀ) ⊙ aP) B + λX) = (1 + α) P B:
 * the weighted ridge systems of the rows of P (U×I) with the other side's factors B (I×f).
 */
function solveRows(P: tf.Tensor2D, B: tf.Tensor2D, X0: tf.Tensor2D, p: AlsParams, steps: number, gram?: tf.Tensor2D): tf.Tensor2D {
	return tf.tidy(() => {
		const G = gram ?? tf.matMul(B, B, true, false);
		const aP = tf.mul(P, p.alpha);
		const apply = (V: tf.Tensor2D) => tf.add(tf.add(tf.matMul(V, G), tf.matMul(tf.mul(tf.matMul(V, B, false, true), aP), B)), tf.mul(V, p.lambda)) as tf.Tensor2D;
		const rhs = tf.mul(tf.matMul(P, B), 1 + p.alpha);
		let X = X0;
		let r = tf.sub(rhs, apply(X)) as tf.Tensor2D;
		let dir = r;
		let rs = tf.sum(tf.square(r), 1, true);
		for (let s = 0; s < steps; s++) {
			const Ad = apply(dir);
			const step = tf.div(rs, tf.add(tf.sum(tf.mul(dir, Ad), 1, true), 1e-12));
			X = tf.add(X, tf.mul(step, dir)) as tf.Tensor2D;
			r = tf.sub(r, tf.mul(step, Ad)) as tf.Tensor2D;
			const next = tf.sum(tf.square(r), 1, true);
			dir = tf.add(r, tf.mul(tf.div(next, tf.add(rs, 1e-12)), dir)) as tf.Tensor2D;
			rs = next;
		}
		return X;
	});
}

function seededMatrix(rows: number, cols: number, rng: () => number): tf.Tensor2D {
	return tf.tensor2d(Float32Array.from({ length: rows * cols }, () => (rng() - 0.5) * 0.2), [rows, cols]);
}

export const alsModel: Recommender<AlsParams, AlsState> = {
	kind: 'als',
	label: MODEL_CATALOG.als.label,
	defaults: { factors: 8, alpha: 20, lambda: 10, iterations: 12, cgSteps: 3 },
	async fit(data, params, ctx) {
		const p = { ...alsModel.defaults, ...params };
		for (const key of ['factors', 'iterations', 'cgSteps'] as const) if (!Number.isInteger(p[key]) || p[key] < 1) throw new Error(`invalid ${key}: ${p[key]}`);
		if (!(p.alpha >= 0) || !(p.lambda > 0)) throw new Error(`invalid alpha/lambda: ${p.alpha}/${p.lambda}`);
		const { users, items } = checkData(data);
		const f = Math.min(p.factors, items);
		const rng = createRng(ctx.seed);
		const P = tf.tensor2d(Float32Array.from(data.matrix.owned), [users, items]);
		const Pt = tf.transpose(P) as tf.Tensor2D;
		let Y = seededMatrix(items, f, rng);
		let X = seededMatrix(users, f, rng);
		try {
			for (let it = 0; it < p.iterations; it++) {
				const nextX = solveRows(P, Y, X, p, p.cgSteps);
				X.dispose();
				X = nextX;
				const nextY = solveRows(Pt, X, Y, p, p.cgSteps);
				Y.dispose();
				Y = nextY;
				ctx.progress?.((it + 1) / p.iterations);
				await yieldAndCheck(ctx.signal);
			}
			return { kind: 'als', version: 1, params: p, factors: f, items, itemFactors: Float32Array.from(await Y.data()) };
		} finally {
			tf.dispose([P, Pt, X, Y]);
		}
	},
	async score(state, data) {
		checkState(state, 'als', 1);
		const { users, items } = checkData(data);
		checkItems(state.items, data);
		const scores = tf.tidy(() => {
			const P = tf.tensor2d(Float32Array.from(data.matrix.owned), [users, items]);
			const Y = tf.tensor2d(state.itemFactors, [items, state.factors]);
			const zeros = tf.zeros([users, state.factors]) as tf.Tensor2D;
			// CG from zero solves an f-dimensional system exactly in f steps.
			if (items > MASKED_ITEMS) return tf.matMul(solveRows(P, Y, zeros, state.params, state.factors), Y, false, true);
			// Small catalogues: score item i with the customer folded in as if i were unseen (its
			// "not owned" left out), else the factors learn that the customer lacks it.
			const G = tf.matMul(Y, Y, true, false);
			const columns = Array.from({ length: items }, (_, i) => {
				const yi = tf.slice(Y, [i, 0], [1, state.factors]);
				const X = solveRows(P, Y, zeros, state.params, state.factors, tf.sub(G, tf.matMul(yi, yi, true, false)) as tf.Tensor2D);
				return tf.matMul(X, yi, false, true);
			});
			return tf.concat(columns, 1);
		});
		try {
			return Float32Array.from(await scores.data());
		} finally {
			scores.dispose();
		}
	}
};
