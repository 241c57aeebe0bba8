/**
 * Finds the next-best offers: scores the customers with the churn model
 * another cell of the notebook offers, and re-scores every customer at risk
 * with each item they do not own (set to its usual "owned" value, as the
 * what-if panel does) in one batch: the candidate rows are built by SQL in
 * DuckDB and sent to the training worker as one Arrow table. A change no
 * customer of the table has (an internet add-on without internet) is never
 * proposed: the counterfactuals' plausibility rule decides.
 */
import { getData, relationArrow, type ColumnInfo } from '$lib/clients/data';
import { scoreTable, type RecommendResult, type TabularResult } from '$lib/clients/train';
import { readKeptResult } from '$lib/storage/kept-result';
import type { ChurnModelOffer } from '$lib/notebook';
import { pairsSeen, plausibleCodes } from '$models/explain/light';
import { isOwnedValue } from '$models/recommend/light';
import { guessIdColumn } from '../customer-id';
import { rankOffers, type Offer, type OfferCandidate, type OfferSettings } from './offer';

/** The churn model offered by another cell, as the offers need it. */
export interface ChurnModel {
	state: unknown;
	label: string;
	/** Columns the model reads (an item column it lacks cannot be re-scored). */
	features: string[];
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
	return { state: model.state, label, features: result.features.map((f) => f.name), threshold: offer.threshold, table: offer.table };
}

export interface OffersFound {
	/** Churn probability of every customer of the result (NaN where unknown: a long table's customer the churn table lacks). */
	risk: Float64Array;
	/** Customers at or above the threshold. */
	atRisk: number;
	/** Customers with an offer, best offer first. */
	ranked: { user: number; offers: Offer[] }[];
	/** Offers left out because no customer has that combination of values. */
	implausible: number;
	/** False when no offered item is a column of the churn model: offers ranked by P(accept) only. */
	rescored: boolean;
	ms: number;
}

/** Columns with at most this many values take part in the plausibility pairs (flags, services, contract types). */
const PAIR_COLUMN_VALUES = 12;

/** A column of an Arrow table as text (null for missing). */
type TextColumn = (string | null)[];

async function readColumns(relation: string): Promise<{ rows: number; columns: Map<string, TextColumn> }> {
	const { tableFromIPC } = await import('apache-arrow');
	const table = tableFromIPC(await relationArrow(relation));
	const columns = new Map<string, TextColumn>();
	for (const field of table.schema.fields) {
		const vector = table.getChild(field.name)!;
		const values: TextColumn = new Array(table.numRows);
		let i = 0;
		for (const v of vector) values[i++] = v === null || v === undefined ? null : String(v);
		columns.set(field.name, values);
	}
	return { rows: table.numRows, columns };
}

/** Probability of the positive (last) class for every row of an Arrow table. */
async function churnProbabilities(ipc: Uint8Array, state: unknown): Promise<Float64Array> {
	const scored = await scoreTable(ipc, state);
	const k = scored.classes.length;
	return Float64Array.from({ length: scored.rows }, (_, r) => scored.probabilities[r * k + k - 1]);
}

/** The customers at risk's candidates, from the result's top items (items not owned, best first). */
function candidatesOf(result: RecommendResult, risk: Float64Array, riskAt: number): { user: number; item: number; pAccept: number }[] {
	const { top, users } = result;
	const out: { user: number; item: number; pAccept: number }[] = [];
	for (let u = 0; u < users.length; u++) {
		if (!(risk[u] >= riskAt)) continue;
		for (let j = 0; j < top.n; j++) {
			const item = top.item[u * top.n + j];
			if (item >= 0) out.push({ user: u, item, pAccept: top.pAccept[u * top.n + j] });
		}
	}
	return out;
}

const sqlText = (v: string) => `'${v.replaceAll("'", "''")}'`;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The most frequent value meaning "owned" of an item column ('Yes', 1, 'Fiber optic'). */
function ownedValue(values: TextColumn): string | null {
	const counts = new Map<string, number>();
	for (const v of values) if (v !== null && isOwnedValue(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

/** Categorical codes of the low-cardinality columns, for the plausibility pairs. */
function pairColumns(rows: number, columns: Map<string, TextColumn>) {
	const names: string[] = [];
	const codes: Int32Array[] = [];
	const levels: string[][] = [];
	for (const [name, values] of columns) {
		const index = new Map<string, number>();
		const c = new Int32Array(rows);
		let ok = true;
		for (let r = 0; r < rows && ok; r++) {
			const v = values[r];
			if (v === null) c[r] = -1;
			else {
				if (!index.has(v)) index.set(v, index.size);
				c[r] = index.get(v)!;
				ok = index.size <= PAIR_COLUMN_VALUES;
			}
		}
		if (!ok) continue;
		names.push(name);
		codes.push(c);
		levels.push([...index.keys()]);
	}
	const features = { rows, columns: names.map((name, i) => ({ name, kind: 'categorical' as const, codes: codes[i], levels: levels[i] })) };
	return { names, codes, levels, seen: pairsSeen(features) };
}

/**
 * Offers of a wide table: each candidate (customer at risk, item not owned,
 * item a column of the churn model, the change plausible) re-scored in one
 * worker call on the rows built by SQL with the item set to its owned value.
 */
async function wideOffers(table: string, columnsInfo: ColumnInfo[], result: RecommendResult, model: ChurnModel, riskAt: number, settings: OfferSettings, started: number): Promise<OffersFound> {
	const ipc = await relationArrow(table);
	const [risk, data] = await Promise.all([churnProbabilities(ipc, model.state), readColumns(table)]);
	const candidates = candidatesOf(result, risk, riskAt);
	const atRisk = risk.reduce((n, p) => n + (p >= riskAt ? 1 : 0), 0);
	const pairs = pairColumns(data.rows, data.columns);
	const modelled = new Set(model.features);
	const owned = result.items.map((item) => (modelled.has(item) && data.columns.has(item) ? ownedValue(data.columns.get(item)!) : null));
	const rescore: OfferCandidate[] = [];
	const unscored: OfferCandidate[] = [];
	let implausible = 0;
	for (const c of candidates) {
		const value = owned[c.item];
		if (value === null) {
			unscored.push({ ...c, riskNow: risk[c.user], riskWith: null });
			continue;
		}
		const column = pairs.names.indexOf(result.items[c.item]);
		if (column >= 0) {
			const code = pairs.levels[column].indexOf(value);
			const plausible = plausibleCodes(pairs.seen, (j) => (j === column ? code : pairs.codes[j][c.user]), [column]);
			if (!plausible) {
				implausible++;
				continue;
			}
		}
		rescore.push({ ...c, riskNow: risk[c.user], riskWith: NaN });
	}
	// Rows in (item, customer) order: the order of `rescore` once sorted the same way.
	rescore.sort((a, b) => a.item - b.item || a.user - b.user);
	if (rescore.length) {
		const types = new Map(columnsInfo.map((c) => [c.name, c.type]));
		const byItem = new Map<number, number[]>();
		for (const c of rescore) {
			if (!byItem.has(c.item)) byItem.set(c.item, []);
			byItem.get(c.item)!.push(c.user);
		}
		const parts = [...byItem].map(([item, rows]) => {
			const name = result.items[item];
			return `SELECT * REPLACE (CAST(${sqlText(owned[item]!)} AS ${types.get(name) ?? 'VARCHAR'}) AS ${ident(name)}), ${item} AS __offer_item FROM (SELECT *, row_number() OVER () - 1 AS __offer_row FROM ${ident(table)}) WHERE __offer_row IN (${rows.join(',')})`;
		});
		const view = '__offer_candidates';
		await getData().runSql(`SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY __offer_item, __offer_row`, view);
		try {
			const withItem = await churnProbabilities(await relationArrow(view), model.state);
			rescore.forEach((c, i) => (c.riskWith = withItem[i]));
		} finally {
			await getData().dropRelation(view);
		}
	}
	const ranked = rankOffers([...rescore, ...unscored], settings);
	return { risk, atRisk, ranked, implausible, rescored: rescore.length > 0, ms: performance.now() - started };
}

/**
 * Offers of a long table: the churn model has no column for its items, so the
 * customers are matched by id in the churn model's table (its id column
 * guessed) and their offers ranked by P(accept).
 */
async function longOffers(result: RecommendResult, model: ChurnModel, riskAt: number, settings: OfferSettings, started: number): Promise<OffersFound> {
	const risk = new Float64Array(result.users.length).fill(NaN);
	const info = await getData().describe(model.table);
	const isUnique = async (column: string) => {
		const [top] = await getData().distinctValues(model.table, column, 1);
		return top !== undefined && top.count === 1;
	};
	const idColumn = await guessIdColumn(info.columns, isUnique);
	if (idColumn) {
		const ipc = await relationArrow(model.table);
		const [probability, data] = await Promise.all([churnProbabilities(ipc, model.state), readColumns(model.table)]);
		const ids = data.columns.get(idColumn)!;
		const byId = new Map<string, number>();
		ids.forEach((id, r) => id !== null && byId.set(id, probability[r]));
		result.users.forEach((id, u) => (risk[u] = byId.get(id) ?? NaN));
	}
	const candidates = candidatesOf(result, risk, riskAt).map((c) => ({ ...c, riskNow: risk[c.user], riskWith: null }));
	const atRisk = risk.reduce((n, p) => n + (p >= riskAt ? 1 : 0), 0);
	return { risk, atRisk, ranked: rankOffers(candidates, settings), implausible: 0, rescored: false, ms: performance.now() - started };
}

/** The next-best offers of the customers of `result` at or above `riskAt` (see the module comment). */
export async function findOffers(table: string, layout: 'wide' | 'long', result: RecommendResult, model: ChurnModel, riskAt: number, settings: OfferSettings): Promise<OffersFound> {
	const started = performance.now();
	if (layout === 'long') return longOffers(result, model, riskAt, settings, started);
	const info = await getData().describe(table);
	return wideOffers(table, info.columns, result, model, riskAt, settings, started);
}
