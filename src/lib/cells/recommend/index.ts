import { param } from '$lib/notebook';
import { RECOMMEND_KINDS, type RecommendKind } from '$models/catalog';
import { M } from './messages';
import { defineCell } from '../types';

/** A recommendation cell: which items each customer is likely to take next, measured on hidden items, and the next-best offer for customers at risk. */
export interface RecommendParams {
	table: string;
	/** 'wide': items are columns of the customer table; 'long': one row per customer and item. */
	layout: 'wide' | 'long';
	/** Wide: the item columns (empty = guessed from the table). */
	items: string[];
	/** Column naming each customer ('' = row numbers; null = guess it). */
	idColumn: string | null;
	/** Long: the item column and the optional quantity column ('' = none). */
	itemColumn: string;
	quantityColumn: string;
	/** Cut-off of hit rate@k and NDCG@k. */
	k: number;
	/** Recommendations per customer in the written table. */
	topN: number;
	/** Models compared (empty = every recommender of the catalogue). */
	models: RecommendKind[];
	/** Hybrid weights set by hand, by model; null = tuned on the validation customers. */
	weights: Record<string, number> | null;
	seed: number;
	/** IndexedDB key of the kept result ('' before the first run). */
	resultKey: string;
	/** Table written with the recommendations and the next-best offers. */
	outName: string;
	/** Id of the churn cell whose model ranks the offers ('' = the first churn model of the notebook). */
	churnCell: string;
	/** Customers at or above this churn probability get offers; null = the churn cell's threshold. */
	riskAt: number | null;
	/** Value of a retained customer (0 = benefit in probability points) and cost of one offer. */
	valuePerRetained: number;
	costPerOffer: number;
}

/** Hybrid weights by hand: a non-negative number per model. */
function weightsProblem(value: unknown): string | null {
	if (value === null) return null;
	const ok = typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0);
	return ok ? null : `invalid weights: ${JSON.stringify(value)}`;
}

export const recommendCell = defineCell<RecommendParams>({
	type: 'recommend',
	label: () => M.label,
	add: { text: () => M.add, order: 5.5 },
	params: {
		table: param.text(),
		layout: param.oneOf(['wide', 'long'] as const, 'wide', { name: 'layout' }),
		items: param.textList(),
		idColumn: param.nullable(param.text()),
		itemColumn: param.text(),
		quantityColumn: param.text(),
		k: param.number(3, { min: 1, max: 50, integer: true }),
		topN: param.number(3, { min: 1, max: 50, integer: true }),
		models: param.textList<RecommendKind>([], { values: RECOMMEND_KINDS }),
		weights: param.custom<Record<string, number> | null>(() => null, weightsProblem),
		seed: param.number(42),
		resultKey: param.text(),
		outName: param.text(),
		churnCell: param.text(),
		riskAt: param.nullable(param.number(0.5, { min: 0, max: 1 })),
		valuePerRetained: param.number(0, { min: 0 }),
		costPerOffer: param.number(0, { min: 0 })
	},
	processing: 'model',
	reads: (p) => (p.table ? [p.table] : []),
	writes: (p) => (p.outName ? [p.outName] : []),
	keeps: (p) => ({ results: p.resultKey ? [p.resultKey] : [] }),
	start: ({ source }) => (source ? { table: source, outName: `${source}_recommendations` } : {})
});

/** The models a cell compares: its choice, else every recommender of the catalogue. */
export function modelsOf(params: RecommendParams): RecommendKind[] {
	return params.models.length ? [...params.models] : [...RECOMMEND_KINDS];
}
