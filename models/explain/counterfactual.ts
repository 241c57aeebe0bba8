/**
 * Counterfactuals: the smallest sets of changes to actionable columns that
 * bring one customer's churn probability below a target. Exhaustive for one
 * change, a deterministic beam search for more.
 */
import type { Features } from '../types';
import { predictRows, readValue, repeatRow, throwIfAborted, writeValue, type CellValue } from './perturb';
import { pairsSeen, plausibleCodes, type PairsSeen } from './plausible';
import type { Predictor } from './types';

export interface Change {
	feature: string;
	/** The customer's value (null when missing). */
	from: number | string | null;
	to: number | string;
}

export interface Counterfactual {
	changes: Change[];
	/** The model's probability re-scored with the changes. */
	probability: number;
}

export interface CounterfactualResult {
	original: number;
	target: number;
	/** Sorted by number of changes then probability; at most 5; every entry has probability < target. */
	found: Counterfactual[];
	/** Candidate rows scored. */
	searched: number;
}

export interface CounterfactualOptions {
	/** Columns the business can change (contract, payment method…); no other column is ever touched. */
	actionable: string[];
	/** Probability to get strictly below. */
	target: number;
	/** Candidate values per actionable column: level names for categorical, numbers (e.g. quantiles) for numeric. */
	candidates: Record<string, (number | string)[]>;
	/** Largest number of changed columns (default 3). */
	maxChanges?: number;
	/**
	 * Real customers (same columns): no proposal may pair two categorical values that none of
	 * them has together, so dependent columns change together or not at all.
	 */
	seen?: Features;
	signal?: AbortSignal;
}

/** Partial solutions kept per size. */
const BEAM = 20;
const MAX_FOUND = 5;

interface Edit {
	column: number;
	value: number | string;
}

interface Scored {
	edits: Edit[];
	key: string;
	probability: number;
}

/**
 * Searches sizes 1, 2, … maxChanges and stops at the smallest size that
 * reaches the target; when that size gives fewer than 5 solutions, the next
 * size (supersets of solutions excluded) fills the list. When the customer is
 * already below the target, the one solution is "no changes".
 * @example await searchCounterfactuals(predict, customer, { actionable: ['contract'], target: 0.3, candidates: { contract: ['One year', 'Two year'] } })
 */
export async function searchCounterfactuals(predict: Predictor, customer: Features, options: CounterfactualOptions): Promise<CounterfactualResult> {
	if (customer.rows !== 1) throw new Error(`invalid customer rows: ${customer.rows}`);
	const { target } = options;
	if (!Number.isFinite(target)) throw new Error(`invalid target: ${target}`);
	const maxChanges = Math.floor(options.maxChanges ?? 3);
	if (!(maxChanges >= 1)) throw new Error(`invalid maxChanges: ${options.maxChanges}`);
	throwIfAborted(options.signal);

	const singles = singleEdits(customer, options);
	const plausible = options.seen ? plausibility(customer, pairsSeen(options.seen)) : () => true;
	const original = (await predictRows(predict, customer))[0];
	if (original < target) return { original, target, found: [{ changes: [], probability: original }], searched: 0 };
	let searched = 0;
	const found: Scored[] = [];
	let frontier: Scored[] = [{ edits: [], key: '', probability: original }];
	let stopAt = Infinity;
	for (let size = 1; size <= maxChanges && size <= stopAt + 1 && frontier.length > 0; size++) {
		if (size === stopAt + 1 && found.length >= MAX_FOUND) break;
		throwIfAborted(options.signal);
		const all = expand(frontier, singles, found);
		if (all.length === 0) break;
		// Implausible sets stay in the frontier (one more change may make them real) but are never proposed.
		const expanded = all.filter((s) => plausible(s.edits));
		const pending = all.filter((s) => !plausible(s.edits)).slice(0, BEAM);
		const rows = repeatRow(customer, 0, expanded.length);
		expanded.forEach((s, r) => s.edits.forEach((e) => writeValue(rows.columns[e.column], r, e.value)));
		const p = await predictRows(predict, rows);
		searched += expanded.length;
		expanded.forEach((s, r) => (s.probability = p[r]));
		expanded.sort(byProbability);
		const hits = expanded.filter((s) => s.probability < target);
		if (hits.length > 0 && stopAt === Infinity) stopAt = size;
		found.push(...hits.slice(0, MAX_FOUND));
		frontier = [...expanded.filter((s) => s.probability >= target).slice(0, BEAM), ...pending];
	}
	found.sort((a, b) => a.edits.length - b.edits.length || byProbability(a, b));
	return {
		original,
		target,
		found: found.slice(0, MAX_FOUND).map((s) => ({
			changes: s.edits.map((e) => ({ feature: customer.columns[e.column].name, from: readValue(customer.columns[e.column], 0), to: e.value })),
			probability: s.probability
		})),
		searched
	};
}

/** Every single change worth trying: known candidate values that differ from the customer's. */
function singleEdits(customer: Features, options: CounterfactualOptions): Edit[] {
	const edits: Edit[] = [];
	for (const name of new Set(options.actionable)) {
		const column = customer.columns.findIndex((c) => c.name === name);
		if (column < 0) throw new Error(`invalid actionable: ${name}`);
		const c = customer.columns[column];
		const current: CellValue = readValue(c, 0);
		const seen = new Set<number | string>();
		for (const raw of options.candidates[name] ?? []) {
			const value = c.kind === 'numeric' ? Number(raw) : String(raw);
			// An unknown level would only mean "missing"; a NaN number too: neither is an action.
			if (c.kind === 'numeric' ? Number.isNaN(value) : !c.levels.includes(value as string)) continue;
			if (value === current || seen.has(value)) continue;
			seen.add(value);
			edits.push({ column, value });
		}
	}
	return edits;
}

/** Each frontier entry plus one change on a column it has not changed yet; duplicates and supersets of solutions dropped. */
function expand(frontier: Scored[], singles: Edit[], found: Scored[]): Scored[] {
	const out = new Map<string, Scored>();
	for (const base of frontier) {
		const used = new Set(base.edits.map((e) => e.column));
		for (const edit of singles) {
			if (used.has(edit.column)) continue;
			const edits = [...base.edits, edit].sort((a, b) => a.column - b.column);
			const key = edits.map(editKey).join('|');
			if (out.has(key) || found.some((f) => f.edits.every((e) => edits.some((x) => editKey(x) === editKey(e))))) continue;
			out.set(key, { edits, key, probability: NaN });
		}
	}
	return [...out.values()];
}

function editKey(e: Edit): string {
	return `${e.column}=${typeof e.value}:${e.value}`;
}

/** Lower probability first; ties by key so the order never depends on the predictor's call order. */
function byProbability(a: Scored, b: Scored): number {
	return a.probability - b.probability || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Whether a set of edits leaves every pair of categorical values one that real customers have. */
function plausibility(customer: Features, seen: PairsSeen): (edits: Edit[]) => boolean {
	const code = (column: number, edits: Edit[]): number => {
		const c = customer.columns[column];
		if (c.kind !== 'categorical') return -1;
		const edit = edits.find((e) => e.column === column);
		return edit ? c.levels.indexOf(String(edit.value)) : c.codes[0];
	};
	return (edits) =>
		plausibleCodes(
			seen,
			(column) => code(column, edits),
			edits.map((e) => e.column)
		);
}
