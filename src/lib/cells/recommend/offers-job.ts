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
import { scoreTable, type RecommendResult } from '$lib/clients/train';
import { pairsSeen, plausibleCodes } from '$models/explain/light';
import { isOwnedValue } from '$models/recommend/light';
import { guessIdColumn } from '../customer-id';
import type { ChurnModel } from '../churn-model';
import { rankOffers, type Offer, type OfferCandidate, type OfferSettings } from './offer';

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

/** The low-cardinality columns of a relation as categorical codes (values as text), for the plausibility pairs and the owned values. */
interface PairColumns {
	rows: number;
	names: string[];
	codes: Int32Array[];
	levels: string[][];
}

/** Reads the relation once; a column stops being read as soon as it has too many values (amounts, ids). Numbers come as Float64 (0/1 flags too). */
async function readPairColumns(relation: string): Promise<PairColumns> {
	const { tableFromIPC } = await import('apache-arrow');
	const table = tableFromIPC(await relationArrow(relation));
	const rows = table.numRows;
	const out: PairColumns = { rows, names: [], codes: [], levels: [] };
	for (const field of table.schema.fields) {
		const index = new Map<string, number>();
		const codes = new Int32Array(rows);
		let r = 0;
		for (const v of table.getChild(field.name)!) {
			if (v === null || v === undefined) codes[r++] = -1;
			else {
				const text = String(v);
				let code = index.get(text);
				if (code === undefined) index.set(text, (code = index.size));
				if (index.size > PAIR_COLUMN_VALUES) break;
				codes[r++] = code;
			}
		}
		if (r < rows) continue;
		out.names.push(field.name);
		out.codes.push(codes);
		out.levels.push([...index.keys()]);
	}
	return out;
}

/** One column of a relation as text (null for missing). */
async function readTextColumn(relation: string, column: string): Promise<(string | null)[]> {
	const { tableFromIPC } = await import('apache-arrow');
	const table = tableFromIPC(await relationArrow(relation));
	return Array.from(table.getChild(column) ?? [], (v) => (v === null || v === undefined ? null : String(v)));
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
function ownedValue(levels: string[], codes: Int32Array): string | null {
	const counts = new Array<number>(levels.length).fill(0);
	for (const code of codes) if (code >= 0) counts[code]++;
	const owned = levels.map((level, i) => ({ level, n: counts[i] })).filter((l) => isOwnedValue(l.level));
	return owned.sort((x, y) => y.n - x.n || (x.level < y.level ? -1 : 1))[0]?.level ?? null;
}

/**
 * Arrow bytes of the customers' rows with one item set to its owned value,
 * one row per candidate in the order given: built in one pass by DuckDB (the
 * candidates joined to the numbered rows) into a temporary table, so the
 * query runs once.
 */
async function candidateRows(table: string, columnsInfo: ColumnInfo[], items: string[], owned: (string | null)[], candidates: OfferCandidate[]): Promise<Uint8Array> {
	const types = new Map(columnsInfo.map((c) => [c.name, c.type]));
	const offered = [...new Set(candidates.map((c) => c.item))];
	const replace = offered.map((i) => `CASE WHEN __offer_item = ${i} THEN CAST(${sqlText(owned[i]!)} AS ${types.get(items[i]) ?? 'VARCHAR'}) ELSE ${ident(items[i])} END AS ${ident(items[i])}`);
	const list = (values: number[]) => `[${values.join(',')}]`;
	const name = '__offer_candidates';
	await getData().runSql(
		`CREATE OR REPLACE TABLE ${name} AS
		 WITH base AS (SELECT *, row_number() OVER () - 1 AS __offer_row FROM ${ident(table)}),
		      wanted AS (SELECT unnest(${list(candidates.map((c) => c.user))}) AS __offer_row, unnest(${list(candidates.map((c) => c.item))}) AS __offer_item, unnest(${list(candidates.map((_, k) => k))}) AS __offer_order)
		 SELECT * REPLACE (${replace.join(', ')}) FROM base JOIN wanted USING (__offer_row) ORDER BY __offer_order`,
		''
	);
	try {
		return await relationArrow(name);
	} finally {
		await getData().dropRelation(name);
	}
}

/**
 * Offers of a wide table: each candidate (customer at risk, item not owned,
 * item a column of the churn model, the change plausible) re-scored in one
 * worker call on the rows built by SQL with the item set to its owned value.
 */
async function wideOffers(table: string, columnsInfo: ColumnInfo[], result: RecommendResult, model: ChurnModel, riskAt: number, settings: OfferSettings, started: number): Promise<OffersFound> {
	const ipc = await relationArrow(table);
	const [risk, pairs] = await Promise.all([churnProbabilities(ipc, model.state), readPairColumns(table)]);
	const candidates = candidatesOf(result, risk, riskAt);
	const atRisk = risk.reduce((n, p) => n + (p >= riskAt ? 1 : 0), 0);
	const seen = pairsSeen({ rows: pairs.rows, columns: pairs.names.map((name, i) => ({ name, kind: 'categorical' as const, codes: pairs.codes[i], levels: pairs.levels[i] })) });
	const modelled = new Set(model.features);
	const owned = result.items.map((item) => {
		const column = pairs.names.indexOf(item);
		return modelled.has(item) && column >= 0 ? ownedValue(pairs.levels[column], pairs.codes[column]) : null;
	});
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
			const plausible = plausibleCodes(seen, (j) => (j === column ? code : pairs.codes[j][c.user]), [column]);
			if (!plausible) {
				implausible++;
				continue;
			}
		}
		rescore.push({ ...c, riskNow: risk[c.user], riskWith: NaN });
	}
	if (rescore.length) {
		const withItem = await churnProbabilities(await candidateRows(table, columnsInfo, result.items, owned, rescore), model.state);
		rescore.forEach((c, i) => (c.riskWith = withItem[i]));
	}
	// An item the churn model cannot see has no risk change to compare with the others: it is offered only when no item can be re-scored.
	const ranked = rankOffers(rescore.length ? rescore : unscored, settings);
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
		const [probability, ids] = await Promise.all([churnProbabilities(ipc, model.state), readTextColumn(model.table, idColumn)]);
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
