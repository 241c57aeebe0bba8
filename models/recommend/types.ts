/**
 * The recommendation family's shared types: the customer × item ownership
 * matrix, what a recommender learns from, the request the workbench sends and
 * the result it gets back (re-exported by the training worker's `api.ts`).
 */
import type { RecommendKind } from '../catalog';
import type { Features } from '../types';

/** Who owns what: `owned[user * items.length + item]` is 1 when the customer has the item. */
export interface OwnershipMatrix {
	users: string[];
	items: string[];
	owned: Uint8Array;
}

/** What a recommender fits on and scores: the ownership matrix and, when known, each customer's profile columns. */
export interface RecommendData {
	matrix: OwnershipMatrix;
	/** One row per customer of `matrix` (same order); null when the table has no profile columns (long layout). */
	profile: Features | null;
}

/** Progress and cancellation of a fit (a subset of the tabular `FitContext`). */
export interface RecommendContext {
	seed: number;
	signal?: AbortSignal;
	progress?(fraction: number): void;
}

/** A learned recommender: plain data that survives `structuredClone` and JSON, naming its kind and version. */
export interface RecommenderState {
	kind: string;
	version: number;
}

/**
 * One recommendation learner. `score` gives every (customer, item) pair of `data` a score,
 * higher = more likely to be taken (owned items are scored too; callers skip them).
 */
export interface Recommender<P extends object, S extends RecommenderState> {
	kind: RecommendKind;
	label: string;
	defaults: P;
	fit(data: RecommendData, params: P, ctx: RecommendContext): Promise<S>;
	score(state: S, data: RecommendData): Promise<Float32Array>;
}

/** Items as columns of the customer table ('wide') or one row per customer and item ('long'). */
export interface RecommendRequest {
	layout: 'wide' | 'long';
	/** Wide: the item columns; long: ignored. */
	items: string[];
	/** The customer id column (wide: optional, row numbers otherwise). */
	userColumn: string | null;
	/** Long: the item column. */
	itemColumn: string | null;
	/** Long, optional: rows with a quantity of 0 or less are not ownership. */
	quantityColumn: string | null;
	/** Cut-off of hit rate@k / NDCG@k. */
	k: number;
	seed: number;
	/** From the catalogue (popularity, item_knn, als, propensity, hybrid). */
	models: RecommendKind[];
	/** null = tuned on the validation customers. */
	hybridWeights: Partial<Record<RecommendKind, number>> | null;
	/** Recommendations kept per customer. */
	topN: number;
	/** Wide: the profile columns the propensity models read; null = every column but the items and the id. */
	profileColumns?: string[] | null;
}

/** One model's evaluation on the hidden items. */
export interface RecommendMetric {
	model: RecommendKind;
	label: string;
	/** Share of evaluated customers whose hidden item is in their top k. */
	hitRate: number;
	/** Mean NDCG@k of the hidden item (one relevant item: 1 / log2(rank + 2)). */
	ndcg: number;
	/** Share of the catalogue that appears in at least one evaluated customer's top k. */
	coverage: number;
	/** Customers evaluated (those with at least two items, in this split). */
	users: number;
	/** Milliseconds of the model's fit on the evaluation matrix. */
	fitMs: number;
}

/** Per customer (row order), their topN items not owned, flat `users × n`; item -1 and score NaN pad customers with fewer candidates. */
export interface TopItems {
	item: Int32Array;
	score: Float32Array;
	pAccept: Float32Array;
	n: number;
}

export interface RecommendResult {
	/** Item names (wide: the column names). */
	items: string[];
	/** Customer ids, in table row order (wide) / first-seen order (long). */
	users: string[];
	/** users × items, 1 = owned. */
	owned: Uint8Array;
	/** Test customers (half of those with two items or more, seeded): the honest figures. */
	metrics: RecommendMetric[];
	/** The same figures on the validation customers, where the similarity and the hybrid weights were chosen. */
	validation: RecommendMetric[];
	hybrid: { weights: Record<string, number>; formula: string; tuned: boolean };
	/** Hybrid recommendations (the first model when the hybrid is not asked for) with P(accept) calibrated on the hidden items. */
	top: TopItems;
	/** Also by other models, for the comparison view: same shape (pAccept holds the model's normalised score). */
	byModel: Partial<Record<RecommendKind, TopItems>>;
	/** The item similarity chosen on validation for item_knn (cosine, jaccard or lift), when it ran. */
	similarity: string | null;
	/** Platt calibration of the hybrid score: P(accept) = 1 / (1 + exp(-(a × score + b))). */
	calibration: { a: number; b: number; positives: number; candidates: number };
	/** Customers with at least two items (hidden-item evaluation), and how they were split. */
	evaluated: { validation: number; test: number };
}
