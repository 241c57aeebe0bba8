/**
 * The churn model a churn cell offers to the notebook's other cells (next-best
 * offers, the dashboard's what-if), loaded from its kept training result.
 */
import type { TabularResult } from '$lib/clients/train';
import type { ChurnModelOffer } from '$lib/notebook';
import { readKeptResult } from '$lib/storage/kept-result';

/** The churn model offered by another cell, as the offers need it. */
export interface ChurnModel {
	state: unknown;
	label: string;
	/** Columns the model reads (an item column it lacks cannot be re-scored). */
	features: string[];
	/** The same columns with their kinds and, for categories, their values (what-if choices). */
	columns: { name: string; kind: 'numeric' | 'categorical'; levels?: string[] }[];
	/** The churn cell's decision threshold. */
	threshold: number;
	/** The table it was trained on (long layouts match customers by id there). */
	table: string;
}

/** The selected model of a kept churn result (the leaderboard's pick, else the best by CV); null when the result is gone. */
export async function loadChurnModel(offer: ChurnModelOffer): Promise<ChurnModel | null> {
	const result = await readKeptResult<TabularResult>(offer.resultKey);
	if (!result) return null;
	const models = result.models as Record<string, { state: unknown } | undefined>;
	const kind = offer.selected && models[offer.selected] ? offer.selected : result.best;
	const model = models[kind];
	if (!model) return null;
	const label = result.leaderboard.find((r) => r.kind === kind)?.label ?? kind;
	return { state: model.state, label, features: result.features.map((f) => f.name), columns: result.features, threshold: offer.threshold, table: offer.table };
}

