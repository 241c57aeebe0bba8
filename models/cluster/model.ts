/**
 * k-means behind the model contract: params in, plain state out (kind and
 * version recorded, checked on load), new rows assigned to the nearest
 * centroid. The state survives `structuredClone` and, through
 * `models/shared/state-json.ts`, JSON.
 */
import { MODEL_CATALOG } from '../catalog';
import { throwIfAborted } from '../shared/cancel';
import { assignToNearest, type MatrixInput } from './distances';
import { kmeans } from './kmeans';
import type { ThreadPool } from '../types';

/** Every k-means hyperparameter with its default (see `KMeansOptions`). */
export interface KMeansParams {
	k: number;
	restarts: number;
	maxIter: number;
	tol: number;
	miniBatch: boolean | 'auto';
	batchSize: number;
}

export const KMEANS_DEFAULTS: KMeansParams = { k: 4, restarts: 10, maxIter: 300, tol: 1e-4, miniBatch: 'auto', batchSize: 4096 };

/** A fitted k-means: the centroids and how well they fit the training rows. */
export interface KMeansState {
	kind: 'kmeans';
	version: number;
	k: number;
	cols: number;
	/** Row-major k × cols. */
	centroids: Float32Array;
	inertia: number;
	iterations: number;
}

const STATE_VERSION = 1;

/** What a clustering fit receives: the seed of all its randomness, a signal that cancels it, helper threads. */
export interface ClusterFitContext {
	seed: number;
	signal?: AbortSignal;
	/** Helper threads k-means' row passes may spread over (the result does not depend on them). */
	threads?: ThreadPool;
}

/** The contract of a clustering model: fit on a matrix, assign rows to clusters. */
export interface ClusterModelSpec<P extends object, S extends { kind: string; version: number }> {
	/** Stable key, persisted: never rename. */
	kind: string;
	label: string;
	defaults: P;
	/** Fits `X`, returning the state and the cluster of every training row. */
	fit(X: MatrixInput, params: P, ctx: ClusterFitContext): Promise<{ state: S; labels: Int32Array }>;
	/** Cluster of every row of `X` (0 .. k-1). */
	assign(state: S, X: MatrixInput): Promise<Int32Array>;
	/** The state, checked: a wrong kind, version or shape throws. */
	check(state: unknown): S;
}

export function checkKMeansState(state: unknown): KMeansState {
	const s = state as Partial<KMeansState> | null;
	if (s?.kind !== 'kmeans') throw new Error(`invalid model kind: ${s?.kind} (expected kmeans)`);
	if (s.version !== STATE_VERSION) throw new Error(`invalid kmeans state version: ${s.version}`);
	if (!(s.centroids instanceof Float32Array) || !Number.isInteger(s.k) || !Number.isInteger(s.cols) || s.centroids.length !== s.k! * s.cols!) {
		throw new Error('invalid kmeans state: its centroids do not match k × cols');
	}
	return s as KMeansState;
}

export const kmeansModel: ClusterModelSpec<KMeansParams, KMeansState> = {
	kind: 'kmeans',
	label: MODEL_CATALOG.kmeans.label,
	defaults: KMEANS_DEFAULTS,
	async fit(X, params, ctx) {
		throwIfAborted(ctx.signal);
		const p = { ...KMEANS_DEFAULTS, ...params };
		const fitted = await kmeans(X, { ...p, seed: ctx.seed, threads: ctx.threads });
		const state: KMeansState = { kind: 'kmeans', version: STATE_VERSION, k: fitted.k, cols: fitted.cols, centroids: fitted.centroids, inertia: fitted.inertia, iterations: fitted.iterations };
		return { state, labels: fitted.labels };
	},
	async assign(state, X) {
		const s = checkKMeansState(state);
		const cols = 'shape' in X ? X.shape[1] : X.cols;
		if (cols !== s.cols) throw new Error(`invalid matrix: ${cols} columns, the model was fitted on ${s.cols}`);
		return assignToNearest(X, s).labels;
	},
	check: checkKMeansState
};
