/**
 * The dashboard's SQL, built from its params (pure; run in the data worker):
 * the filter of the customer table, the KPIs, the charts' groups, a page of
 * customers, the rows the alert rules read and the drafts' customers.
 */
import { quoteIdent as q, quoteString as s } from '$lib/clients/data';
import { SCORE_COLUMNS } from '../scored-table';
import type { DashboardParams } from './index';

const P = q(SCORE_COLUMNS.probability);
const RISK = q(SCORE_COLUMNS.risk);

/** The columns the dashboard resolved (guessed or chosen); '' = none. */
export interface DashboardColumns {
	id: string;
	value: string;
	segment: string;
	target: string;
	sentiment: string;
	/** Text columns the search looks in. */
	text: string[];
}

type Filters = Pick<DashboardParams, 'search' | 'riskLevels' | 'filterColumn' | 'filterValue'>;

/** `true` when a churn flag says the customer left (Yes, 1, true, churned…). */
export function churnedSql(column: string): string {
	return `lower(trim(CAST(${q(column)} AS VARCHAR))) IN ('yes', 'y', '1', 'true', 'churned', 'left', 'oui')`;
}

/** The WHERE clause of the customer table's filters ('' when none applies). */
export function filterWhere(filters: Filters, columns: Pick<DashboardColumns, 'text'>): string {
	const parts: string[] = [];
	const search = filters.search.trim().toLowerCase();
	if (search && columns.text.length) parts.push(`(${columns.text.map((c) => `contains(lower(CAST(${q(c)} AS VARCHAR)), ${s(search)})`).join(' OR ')})`);
	if (filters.riskLevels.length) parts.push(`${RISK} IN (${filters.riskLevels.map(s).join(', ')})`);
	if (filters.filterColumn) parts.push(`CAST(${q(filters.filterColumn)} AS VARCHAR) = ${s(filters.filterValue)}`);
	return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/** ORDER BY of the customer table: the chosen column (risk levels in order of probability), then the id (stable pages). */
export function orderBy(sortColumn: string, descending: boolean, id: string): string {
	const column = !sortColumn || sortColumn === SCORE_COLUMNS.risk ? SCORE_COLUMNS.probability : sortColumn;
	const first = `${q(column)} ${descending || !sortColumn ? 'DESC' : 'ASC'} NULLS LAST`;
	return `ORDER BY ${first}${id ? `, ${q(id)}` : ''}`;
}

/**
 * One row of KPIs over the filtered customers: customers, churned (actual
 * churn rate, null without a target), predicted (at each row's decision
 * threshold), high_risk, revenue_at_risk (Σ value × probability, null without a value column).
 */
export function kpiSql(table: string, columns: DashboardColumns, where: string): string {
	const churned = columns.target ? `avg(CASE WHEN ${churnedSql(columns.target)} THEN 1.0 ELSE 0.0 END)` : 'NULL';
	const revenue = columns.value ? `sum(TRY_CAST(${q(columns.value)} AS DOUBLE) * ${P})` : 'NULL';
	return `SELECT count(*)::DOUBLE AS customers, ${churned}::DOUBLE AS churn_rate,
		count(*) FILTER (WHERE ${P} >= ${q(SCORE_COLUMNS.threshold)})::DOUBLE AS predicted,
		count(*) FILTER (WHERE ${RISK} = 'High')::DOUBLE AS high_risk, ${revenue}::DOUBLE AS revenue_at_risk
		FROM ${q(table)} ${where}`;
}

/** Customers by tenth of churn probability and risk level (the risk distribution). */
export function distributionSql(table: string, where: string): string {
	return `SELECT least(floor(${P} * 10), 9) / 10 AS band, CAST(${RISK} AS VARCHAR) AS risk_level, count(*)::DOUBLE AS customers
		FROM ${q(table)} ${where} GROUP BY ALL ORDER BY band, risk_level`;
}

/** Mean churn probability and high-risk share by segment (the 30 largest). */
export function segmentSql(table: string, segment: string, where: string): string {
	return `SELECT coalesce(CAST(${q(segment)} AS VARCHAR), '(missing)') AS segment, count(*)::DOUBLE AS customers,
		avg(${P}) AS mean_risk, avg(CASE WHEN ${RISK} = 'High' THEN 1.0 ELSE 0.0 END) AS high_share
		FROM ${q(table)} ${where} GROUP BY 1 ORDER BY customers DESC LIMIT 30`;
}

/** The customer table as the user set it up (the cell's view). */
export function customersSql(table: string, shown: string[], where: string, order: string): string {
	return `SELECT ${shown.map(q).join(', ')} FROM ${q(table)} ${where} ${order}`;
}

/** What the alert rules read of every customer: id, probability, value, sentiment. */
export function alertInputSql(table: string, columns: DashboardColumns): string {
	const num = (c: string) => (c ? `TRY_CAST(${q(c)} AS DOUBLE)` : 'NULL::DOUBLE');
	const id = columns.id ? `CAST(${q(columns.id)} AS VARCHAR)` : `''`;
	return `SELECT ${id} AS id, ${P} AS probability, ${num(columns.value)} AS value, ${num(columns.sentiment)} AS sentiment FROM ${q(table)}`;
}

/** The recommendations table's columns the dashboard reads: whose row it is, the offer, its order. */
export interface RecommendationColumns {
	id: string;
	offer: string;
	order: string;
}

/**
 * Which columns of a recommendations table (the recommendation cell writes
 * customer id, rank, item, score, p_accept, churn_risk, risk_with_item,
 * expected_benefit, offer_rank, reason) give each customer's offer: the item
 * with the best offer rank (the next-best offer) when offers were ranked,
 * else the best recommendation. Null when it has no usable id or item column.
 */
export function recommendationColumns(names: string[], idColumn: string): RecommendationColumns | null {
	const find = (test: RegExp) => names.find((n) => test.test(n)) ?? '';
	const id = names.includes(idColumn) ? idColumn : find(/(^|_)(customer|user|client)(_?id)?$|^id$/i);
	const offer = find(/^(item|offer|product|service)$/i);
	if (!id || !offer) return null;
	const orders = [
		find(/^offer_rank$/i) && `${q('offer_rank')} ASC NULLS LAST`,
		find(/^rank$/i) && `${q(find(/^rank$/i))} ASC`,
		!find(/^rank$/i) && find(/^score$/i) && `${q(find(/^score$/i))} DESC`
	].filter(Boolean);
	return { id, offer, order: orders.join(', ') || q(offer) };
}

/** Each customer's first offer, as a relation of (id, offer). */
function offersSql(recommendations: string, rc: RecommendationColumns): string {
	return `SELECT CAST(${q(rc.id)} AS VARCHAR) AS id, first(CAST(${q(rc.offer)} AS VARCHAR) ORDER BY ${rc.order}) AS offer FROM ${q(recommendations)} GROUP BY 1`;
}

/** Name of the column the drafts' rows carry the offer in (kept apart from the customer's columns). */
export const OFFER_FIELD = '__offer';

/**
 * Every column of the drafts' customers plus their first offer: the alerted
 * customers (`ids`), or those of the filtered table (`where`), in table order.
 */
export function draftRowsSql(table: string, id: string, pick: { ids: string[] } | { where: string }, offers: { table: string; columns: RecommendationColumns } | null): string {
	const where = 'ids' in pick ? (pick.ids.length ? `WHERE CAST(${q(id)} AS VARCHAR) IN (${pick.ids.map(s).join(', ')})` : 'WHERE false') : pick.where;
	const chosen = `(SELECT * FROM ${q(table)} ${where})`;
	const order = `ORDER BY t.${P} DESC${id ? `, t.${q(id)}` : ''}`;
	if (!offers || !id) return `SELECT t.*, NULL AS ${q(OFFER_FIELD)} FROM ${chosen} t ${order}`;
	return `SELECT t.*, o.offer AS ${q(OFFER_FIELD)} FROM ${chosen} t
		LEFT JOIN (${offersSql(offers.table, offers.columns)}) o ON o.id = CAST(t.${q(id)} AS VARCHAR) ${order}`;
}

/** One customer's row of the scored table. */
export function customerSql(table: string, id: string, value: string): string {
	return `SELECT * FROM ${q(table)} WHERE CAST(${q(id)} AS VARCHAR) = ${s(value)} LIMIT 1`;
}

/** One customer's rows of the recommendations table, in their order. */
export function recommendationsSql(table: string, rc: RecommendationColumns, value: string): string {
	return `SELECT * FROM ${q(table)} WHERE CAST(${q(rc.id)} AS VARCHAR) = ${s(value)} ORDER BY ${rc.order} LIMIT 10`;
}
