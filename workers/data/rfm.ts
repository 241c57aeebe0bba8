/**
 * RFM segmentation in SQL: recency, frequency and monetary value per customer
 * from a transactions table, tie-respecting quintile scores and named segments
 * from the R and F scores, evaluated in a fixed priority order.
 */
import type { ColumnInfo, RfmRequest, RfmResult, RfmSegmentRule } from './api';
import type { Db } from './db';
import { fail } from './errors';
import { columnsOf, describeRelation, rowCountOf } from './relations';
import { quoteIdent, quoteString } from './sql-quote';
import { firstRow, num } from './values';

/** A segment rule with the SQL condition it stands for; `when: null` catches everyone left. */
interface SegmentRuleSql extends RfmSegmentRule {
	when: string | null;
}

/**
 * Segments on the R × F grid, in priority order: the first matching rule wins,
 * so the narrow rules (New customers, Cannot lose them, Lost) come before the
 * broad ones that would swallow them. Together they cover all 25 cells.
 */
export const RFM_SEGMENT_RULES: readonly SegmentRuleSql[] = [
	// Champions take only the most recent fifth (R = 5): with R ≥ 4 they swallowed every frequent
	// buyer of the last two fifths, a third of a CD store's customers with a mean recency of 5 months.
	{ segment: 'Champions', rule: 'R = 5 and F ≥ 4', when: 'r = 5 AND f >= 4', description: 'Bought very recently and often: reward them.' },
	{ segment: 'Cannot lose them', rule: 'R = 1 and F = 5', when: 'r = 1 AND f = 5', description: 'Were among the most frequent buyers but have not bought for a long time: win them back.' },
	{ segment: 'Loyal', rule: 'R ≥ 3 and F ≥ 4', when: 'r >= 3 AND f >= 4', description: 'Buy often and fairly recently: offer loyalty programmes and upsell.' },
	{ segment: 'New customers', rule: 'R = 5 and F = 1', when: 'r = 5 AND f = 1', description: 'Bought for the first time very recently: onboard them.' },
	{ segment: 'Potential loyalists', rule: 'R ≥ 4 and F ≤ 3', when: 'r >= 4 AND f <= 3', description: 'Recent buyers with a few purchases: nurture them towards loyalty.' },
	{ segment: 'Lost', rule: 'R = 1 and F = 1', when: 'r = 1 AND f = 1', description: 'Bought once, long ago: low priority.' },
	{ segment: 'At risk', rule: 'R ≤ 2 and F ≥ 3', when: 'r <= 2 AND f >= 3', description: 'Used to buy often but not lately: reach out before they churn.' },
	{ segment: 'Hibernating', rule: 'R ≤ 2 and F ≤ 2', when: 'r <= 2 AND f <= 2', description: 'Few purchases, long ago: reactivate with offers.' },
	{ segment: 'Need attention', rule: 'none of the above (R = 3 and F ≤ 3)', when: null, description: 'Average recency and frequency: keep them engaged.' }
];

/** Date formats tried on text columns; day-first and month-first slashes are chosen between per column. */
const ISO_FORMATS = ['%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y/%m/%d'];
const DAY_FIRST_FORMATS = ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d-%m-%Y', '%d.%m.%Y'];
const MONTH_FIRST_FORMATS = ['%m/%d/%Y', '%m/%d/%Y %H:%M', '%m/%d/%Y %H:%M:%S'];

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)/;

function findColumn(columns: ColumnInfo[], name: string, role: string, source: string): ColumnInfo {
	if (!name) fail(`Choose the ${role} column.`);
	const found = columns.find((c) => c.name === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
	return found ?? fail(`There is no column named "${name}" in ${source}.`);
}

/** `'%d/%m/%Y'` list → a DuckDB list literal for `try_strptime`. */
function formatList(formats: string[]): string {
	return `[${formats.map(quoteString).join(', ')}]`;
}

/** Non-empty text of a column, trimmed; NULL for blanks. */
function textOf(column: ColumnInfo): string {
	return `nullif(trim(CAST(${quoteIdent(column.name)} AS VARCHAR)), '')`;
}

/** A first value of `expr` (as text) among rows where `where` holds, for error messages. */
function example(db: Db, source: string, expr: string, where: string): string {
	const row = firstRow(db.query(`SELECT CAST(${expr} AS VARCHAR) AS v FROM ${quoteIdent(source)} WHERE ${where} LIMIT 1`));
	return row.v == null ? '' : String(row.v);
}

/** The SQL expression turning the date column into a DATE, choosing day-first or month-first per column. */
function dateExpression(db: Db, source: string, column: ColumnInfo, notes: string[]): string {
	const type = column.type.toUpperCase();
	if (type === 'DATE') return quoteIdent(column.name);
	if (type.startsWith('TIMESTAMP')) return `CAST(${quoteIdent(column.name)} AS DATE)`;
	const text = textOf(column);
	const dayFirst = [...ISO_FORMATS, ...DAY_FIRST_FORMATS];
	const monthFirst = [...ISO_FORMATS, ...MONTH_FIRST_FORMATS];
	const parse = (formats: string[]) => `CAST(try_strptime(${text}, ${formatList(formats)}) AS DATE)`;
	const counts = firstRow(
		db.query(
			`SELECT count(${text}) AS filled, count(${parse(dayFirst)}) AS day_first, count(${parse(monthFirst)}) AS month_first,
			 count(*) FILTER (WHERE ${parse(DAY_FIRST_FORMATS)} <> ${parse(MONTH_FIRST_FORMATS)}) AS ambiguous
			 FROM ${quoteIdent(source)}`
		)
	);
	const [filled, day, month, ambiguous] = [counts.filled, counts.day_first, counts.month_first, counts.ambiguous].map(num);
	if (day === 0 && month === 0) {
		const sample = example(db, source, text, `${text} IS NOT NULL`);
		fail(filled === 0 ? `The column "${column.name}" is empty.` : `The column "${column.name}" has no values that look like dates (e.g. "${sample}").`);
	}
	if (month > day) {
		notes.push(`Dates in "${column.name}" were read as month/day/year (US), the only order that fits ${month === filled ? 'every' : 'most'} value.`);
		return parse(monthFirst);
	}
	if (month === day && ambiguous > 0) {
		const sample = example(db, source, text, `${parse(DAY_FIRST_FORMATS)} <> ${parse(MONTH_FIRST_FORMATS)}`);
		notes.push(`Dates in "${column.name}" such as "${sample}" fit both day/month/year and month/day/year; they were read as day/month/year.`);
	}
	return parse(dayFirst);
}

/** The SQL expression turning the amount column into a DOUBLE; text may use a decimal comma ("12,50", "1.234,50"). */
function amountExpression(db: Db, source: string, column: ColumnInfo): string {
	const type = column.type.toUpperCase();
	if (NUMERIC_TYPE.test(type)) return `CAST(${quoteIdent(column.name)} AS DOUBLE)`;
	if (type !== 'VARCHAR') fail(`The column "${column.name}" holds ${type} values, not amounts.`);
	// Keep digits, separators and sign (drops currency signs and spaces); the last separator is the decimal one.
	const s = `regexp_replace(${textOf(column)}, '[^0-9,.\\-]', '', 'g')`;
	const normalised = `CASE WHEN strpos(${s}, ',') > 0 AND strpos(${s}, '.') > 0
		THEN CASE WHEN strpos(reverse(${s}), ',') < strpos(reverse(${s}), '.') THEN replace(replace(${s}, '.', ''), ',', '.') ELSE replace(${s}, ',', '') END
		ELSE replace(${s}, ',', '.') END`;
	const expr = `TRY_CAST(${normalised} AS DOUBLE)`;
	const counts = firstRow(db.query(`SELECT count(${textOf(column)}) AS filled, count(${expr}) AS parsed FROM ${quoteIdent(source)}`));
	if (num(counts.filled) > 0 && num(counts.parsed) === 0) {
		const sample = example(db, source, textOf(column), `${textOf(column)} IS NOT NULL`);
		fail(`The column "${column.name}" has no values that look like amounts (e.g. "${sample}").`);
	}
	return expr;
}

/** `'2024-03-31'` → the same ISO date, checked; absent → null (use the default). */
function maybeAsOf(db: Db, asOf: string | null | undefined): string | null {
	if (asOf == null || asOf.trim() === '') return null;
	const text = asOf.trim().slice(0, 10);
	const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && firstRow(db.query(`SELECT TRY_CAST(${quoteString(text)} AS DATE) AS d`)).d != null;
	return valid ? text : fail(`invalid asOf: ${asOf} (expected a date such as 2024-03-31)`);
}

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/**
 * The SQL for a 1–5 score over `order` (worst first): 1 + ⌊5 × the share of
 * customers strictly worse⌋. Equal values have equal ranks, so they always share
 * a score; with all values distinct this is `ntile(5)`.
 *
 * Why not `ntile(5)`: it cuts the ordered list into five equal parts and splits
 * a run of equal values between them, so on a log where half the customers
 * bought once, identical one-purchase customers got F = 1, 2 or 3 by their id.
 * RFM practice keeps ties together by scoring on value thresholds at the
 * quintiles (the R package rfm, `rfm_table_order`, bins values in
 * [threshold, next threshold)), at the price of scores that may go unused: here
 * the one-purchase half all get F = 1 and the next score used is F = 3.
 * Integer arithmetic, so no rounding decides a boundary.
 */
function quintileScore(order: string): string {
	return `CAST(1 + least(4, (5 * (rank() OVER (ORDER BY ${order}) - 1)) // count(*) OVER ()) AS INTEGER)`;
}

/** Builds table `outName` (one row per customer) and its segment summary. */
export function rfmSegments(db: Db, request: RfmRequest): RfmResult {
	const { source, outName } = request;
	if (!outName) fail('invalid outName: (empty)');
	if (outName.toLowerCase() === source.toLowerCase()) fail(`The RFM table needs a name other than "${source}", the transactions table.`);
	const columns = columnsOf(db, source);
	const customer = findColumn(columns, request.customer, 'customer', source);
	const date = findColumn(columns, request.date, 'date', source);
	const amount = findColumn(columns, request.amount, 'amount', source);
	if (rowCountOf(db, source) === 0) fail(`The table "${source}" has no rows.`);
	const notes: string[] = [];
	const explicitAsOf = maybeAsOf(db, request.asOf);
	const customerExpr = customer.type.toUpperCase() === 'VARCHAR' ? textOf(customer) : quoteIdent(customer.name);
	const parsed = `SELECT ${customerExpr} AS customer, ${dateExpression(db, source, date, notes)} AS purchased_on,
		${amountExpression(db, source, amount)} AS amount, ${textOf(amount)} IS NOT NULL AS has_amount
		FROM ${quoteIdent(source)}`;

	const stats = firstRow(
		db.query(
			`SELECT count(*) FILTER (WHERE purchased_on IS NULL) AS undated, count(*) FILTER (WHERE customer IS NULL) AS anonymous,
			 count(*) FILTER (WHERE amount IS NULL AND has_amount) AS bad_amounts,
			 strftime(max(purchased_on) FILTER (WHERE customer IS NOT NULL) + INTERVAL 1 DAY, '%Y-%m-%d') AS next_day
			 FROM (${parsed})`
		)
	);
	const unparsedDates = num(stats.undated);
	if (stats.next_day == null) fail(`No row of "${source}" has both a customer and a date.`);
	const asOf = explicitAsOf ?? String(stats.next_day);
	if (!explicitAsOf) notes.push(`Recency is counted up to ${asOf}, the day after the latest purchase.`);
	if (unparsedDates) notes.push(`${plural(unparsedDates, 'row has', 'rows have')} no readable date in "${date.name}" and ${unparsedDates === 1 ? 'is' : 'are'} left out.`);
	const anonymous = num(stats.anonymous);
	if (anonymous) notes.push(`${plural(anonymous, 'row has', 'rows have')} no customer in "${customer.name}" and ${anonymous === 1 ? 'is' : 'are'} left out.`);
	const badAmounts = num(stats.bad_amounts);
	if (badAmounts) notes.push(`${plural(badAmounts, 'amount', 'amounts')} in "${amount.name}" could not be read as numbers; they count as purchases worth 0.`);

	const asOfSql = `DATE ${quoteString(asOf)}`;
	const later = num(
		firstRow(db.query(`SELECT count(*) AS n FROM (${parsed}) WHERE customer IS NOT NULL AND purchased_on > ${asOfSql}`)).n
	);
	if (later) notes.push(`${plural(later, 'purchase is', 'purchases are')} after ${asOf} and left out.`);

	const segment = `CASE ${RFM_SEGMENT_RULES.filter((r) => r.when)
		.map((r) => `WHEN ${r.when} THEN ${quoteString(r.segment)}`)
		.join(' ')} ELSE ${quoteString(RFM_SEGMENT_RULES[RFM_SEGMENT_RULES.length - 1].segment)} END`;
	db.query(
		`CREATE OR REPLACE TABLE ${quoteIdent(outName)} AS
		 WITH purchases AS (
			SELECT customer, purchased_on, amount FROM (${parsed})
			WHERE customer IS NOT NULL AND purchased_on IS NOT NULL AND purchased_on <= ${asOfSql}
		 ), per_customer AS (
			SELECT customer, CAST(date_diff('day', max(purchased_on), ${asOfSql}) AS INTEGER) AS recency_days,
				CAST(count(*) AS INTEGER) AS frequency, CAST(coalesce(sum(amount), 0) AS DOUBLE) AS monetary
			FROM purchases GROUP BY customer
		 ), scored AS (
			SELECT *, ${quintileScore('recency_days DESC')} AS r, ${quintileScore('frequency')} AS f, ${quintileScore('monetary')} AS m
			FROM per_customer
		 )
		 SELECT customer, recency_days, frequency, monetary, r AS r_score, f AS f_score, m AS m_score,
			concat(r, f, m) AS rfm_score, ${segment} AS segment
		 FROM scored ORDER BY customer`
	);

	const info = describeRelation(db, outName);
	const summary = db
		.query(
			`SELECT segment, count(*) AS customers, avg(recency_days) AS recency, avg(frequency) AS frequency, avg(monetary) AS monetary
			 FROM ${quoteIdent(outName)} GROUP BY segment`
		)
		.toArray()
		.map((row) => ({
			segment: String(row.segment),
			customers: num(row.customers),
			share: info.rowCount ? num(row.customers) / info.rowCount : 0,
			recency: num(row.recency),
			frequency: num(row.frequency),
			monetary: num(row.monetary)
		}));
	const order = (name: string) => RFM_SEGMENT_RULES.findIndex((r) => r.segment === name);
	summary.sort((a, b) => order(a.segment) - order(b.segment));
	const rules = RFM_SEGMENT_RULES.map(({ segment, rule, description }) => ({ segment, rule, description }));
	return { info, asOf, rules, segments: summary, unparsedDates, notes };
}
