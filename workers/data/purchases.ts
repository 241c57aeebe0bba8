/**
 * A purchase log read from any transactions table: the customer, date and
 * amount columns parsed in SQL (ISO, day-first and US dates chosen per column;
 * amounts with decimal commas or currency signs), with notes on what was left
 * out. Shared by the RFM and lifetime value cells so both read a file alike.
 */
import type { ColumnInfo } from './api';
import type { Db } from './db';
import { fail } from './errors';
import { columnsOf, rowCountOf } from './relations';
import { quoteIdent, quoteString } from './sql-quote';
import { firstRow, num } from './values';
import { PW, type PurchaseRole } from './purchase-words';

/** Date formats tried on text columns; day-first and month-first slashes are chosen between per column. */
const ISO_FORMATS = ['%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y/%m/%d'];
const DAY_FIRST_FORMATS = ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S', '%d-%m-%Y', '%d.%m.%Y'];
const MONTH_FIRST_FORMATS = ['%m/%d/%Y', '%m/%d/%Y %H:%M', '%m/%d/%Y %H:%M:%S'];

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)/;

function findColumn(columns: ColumnInfo[], name: string, role: PurchaseRole, source: string): ColumnInfo {
	if (!name) fail(PW.chooseColumn(PW.roles[role]));
	const found = columns.find((c) => c.name === name) ?? columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
	return found ?? fail(PW.noColumn(name, source));
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
		fail(filled === 0 ? PW.emptyColumn(column.name) : PW.noDates(column.name, sample));
	}
	if (month > day) {
		notes.push(PW.monthFirst(column.name, month === filled));
		return parse(monthFirst);
	}
	if (month === day && ambiguous > 0) {
		const sample = example(db, source, text, `${parse(DAY_FIRST_FORMATS)} <> ${parse(MONTH_FIRST_FORMATS)}`);
		notes.push(PW.ambiguousDates(column.name, sample));
	}
	return parse(dayFirst);
}

/** The SQL expression turning the amount column into a DOUBLE; text may use a decimal comma ("12,50", "1.234,50"). */
function amountExpression(db: Db, source: string, column: ColumnInfo): string {
	const type = column.type.toUpperCase();
	if (NUMERIC_TYPE.test(type)) return `CAST(${quoteIdent(column.name)} AS DOUBLE)`;
	if (type !== 'VARCHAR') fail(PW.notAmounts(column.name, type));
	// Keep digits, separators and sign (drops currency signs and spaces); the last separator is the decimal one.
	const s = `regexp_replace(${textOf(column)}, '[^0-9,.\\-]', '', 'g')`;
	const normalised = `CASE WHEN strpos(${s}, ',') > 0 AND strpos(${s}, '.') > 0
		THEN CASE WHEN strpos(reverse(${s}), ',') < strpos(reverse(${s}), '.') THEN replace(replace(${s}, '.', ''), ',', '.') ELSE replace(${s}, ',', '') END
		ELSE replace(${s}, ',', '.') END`;
	const expr = `TRY_CAST(${normalised} AS DOUBLE)`;
	const counts = firstRow(db.query(`SELECT count(${textOf(column)}) AS filled, count(${expr}) AS parsed FROM ${quoteIdent(source)}`));
	if (num(counts.filled) > 0 && num(counts.parsed) === 0) {
		const sample = example(db, source, textOf(column), `${textOf(column)} IS NOT NULL`);
		fail(PW.noAmounts(column.name, sample));
	}
	return expr;
}

/** `'2024-03-31'` → the same ISO date, checked; absent → null (use the default). `name` is the request field, for the error. */
export function maybeDate(db: Db, value: string | null | undefined, name: string): string | null {
	if (value == null || value.trim() === '') return null;
	const text = value.trim().slice(0, 10);
	const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && firstRow(db.query(`SELECT TRY_CAST(${quoteString(text)} AS DATE) AS d`)).d != null;
	return valid ? text : fail(`invalid ${name}: ${value} (expected a date such as 2024-03-31)`);
}

export function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}


/** The three columns of a purchase log, by name. */
export interface PurchaseColumns {
	customer: string;
	date: string;
	amount: string;
}

/** A parsed purchase log: `sql` selects customer, purchased_on (DATE), amount (DOUBLE), has_amount. */
export interface PurchaseLog {
	sql: string;
	notes: string[];
	/** Rows whose date was missing or could not be parsed (left out). */
	unparsedDates: number;
	/** The day after the latest dated purchase with a customer (ISO); null when there is none. */
	nextDay: string | null;
	/** The latest dated purchase with a customer (ISO); null when there is none. */
	lastDay: string | null;
	/** The earliest one. */
	firstDay: string | null;
}

/** Parses the purchase log of `source`; fails with a clear message on a missing or unreadable column. */
export function purchaseLog(db: Db, source: string, names: PurchaseColumns): PurchaseLog {
	const columns = columnsOf(db, source);
	const customer = findColumn(columns, names.customer, 'customer', source);
	const date = findColumn(columns, names.date, 'date', source);
	const amount = findColumn(columns, names.amount, 'amount', source);
	if (rowCountOf(db, source) === 0) fail(PW.noRows(source));
	const notes: string[] = [];
	const customerExpr = customer.type.toUpperCase() === 'VARCHAR' ? textOf(customer) : quoteIdent(customer.name);
	const sql = `SELECT ${customerExpr} AS customer, ${dateExpression(db, source, date, notes)} AS purchased_on,
		${amountExpression(db, source, amount)} AS amount, ${textOf(amount)} IS NOT NULL AS has_amount
		FROM ${quoteIdent(source)}`;
	const stats = firstRow(
		db.query(
			`SELECT count(*) FILTER (WHERE purchased_on IS NULL) AS undated, count(*) FILTER (WHERE customer IS NULL) AS anonymous,
			 count(*) FILTER (WHERE amount IS NULL AND has_amount) AS bad_amounts,
			 strftime(max(purchased_on) FILTER (WHERE customer IS NOT NULL) + INTERVAL 1 DAY, '%Y-%m-%d') AS next_day,
			 strftime(max(purchased_on) FILTER (WHERE customer IS NOT NULL), '%Y-%m-%d') AS last_day,
			 strftime(min(purchased_on) FILTER (WHERE customer IS NOT NULL), '%Y-%m-%d') AS first_day
			 FROM (${sql})`
		)
	);
	const unparsedDates = num(stats.undated);
	if (unparsedDates) notes.push(`${plural(unparsedDates, 'row has', 'rows have')} no readable date in "${date.name}" and ${unparsedDates === 1 ? 'is' : 'are'} left out.`);
	const anonymous = num(stats.anonymous);
	if (anonymous) notes.push(`${plural(anonymous, 'row has', 'rows have')} no customer in "${customer.name}" and ${anonymous === 1 ? 'is' : 'are'} left out.`);
	const badAmounts = num(stats.bad_amounts);
	if (badAmounts) notes.push(`${plural(badAmounts, 'amount', 'amounts')} in "${amount.name}" could not be read as numbers; they count as purchases worth 0.`);
	const text = (v: unknown) => (v == null ? null : String(v));
	return { sql, notes, unparsedDates, nextDay: text(stats.next_day), lastDay: text(stats.last_day), firstDay: text(stats.first_day) };
}
