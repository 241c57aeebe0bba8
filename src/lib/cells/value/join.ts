/**
 * Each customer's value beside a customer table: the view
 * `<customers>_with_value`, for the churn cell (P(alive), expected purchases
 * and CLV as features) and the dashboard (revenue at risk from CLV).
 */
import { quoteIdent as q } from '$lib/clients/data';
import { VALUE_COLUMNS } from './columns';
export { joinedName } from './columns';

/** The value columns the view adds (the summary's own stay in `<table>_value`). */
export const JOINED_COLUMNS = [VALUE_COLUMNS.pAlive, VALUE_COLUMNS.expectedPurchases, VALUE_COLUMNS.expectedSpend, VALUE_COLUMNS.clv] as const;

/**
 * The view's query: every customer row, with the value columns of the customer of the same id
 * (compared as text: an id read as a number in one file and as text in the other still matches;
 * customers without purchases get NULLs). A customer column with a value column's name gives way.
 */
export function joinSql(customers: string, customerColumns: string[], idColumn: string, valueTable: string, valueId: string): string {
	const taken = new Set<string>(JOINED_COLUMNS.map((c) => c.toLowerCase()));
	const kept = customerColumns.filter((c) => !taken.has(c.toLowerCase())).map((c) => `c.${q(c)}`);
	const added = JOINED_COLUMNS.map((c) => `v.${q(c)}`);
	return `SELECT ${[...kept, ...added].join(', ')} FROM ${q(customers)} c LEFT JOIN ${q(valueTable)} v ON CAST(c.${q(idColumn)} AS VARCHAR) = CAST(v.${q(valueId)} AS VARCHAR)`;
}
