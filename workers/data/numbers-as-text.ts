/**
 * Columns of numbers written as text: thousands separators ("1 234,50",
 * "1.234,50", "1,234.50", "1'234.50"), a currency ("12 500 DA", "$1,234.50",
 * "(1,234.50)"), a percent sign ("12,5 %"), and markers of missing values
 * ("N/A", "-"). `readNumbersAsText` decides a column's one format from a
 * sample of its distinct values; `numberSql` reads the whole column in that
 * format in DuckDB. Pure: no database here.
 */
import { CURRENCIES, escapeRegex, numberPattern, SPACES, type Decimal, type Group, type NumberFormat } from './number-pattern';
import { quoteString } from './sql-quote';

/** Markers of a missing value, in lower case (compared ignoring case). The one list of them. */
export const MISSING_TOKENS: readonly string[] = ['-', '–', '—', 'n/a', 'na', 'n.d.', 'nd', '?', '#n/a', 'null', 'none'];

export const isMissingToken = (value: string) => MISSING_TOKENS.includes(value.toLowerCase());

/** Characters trimmed around a value, here and in SQL (`cellText`). */
export const TRIMMED = `\t${SPACES}`;

export interface NumbersAsText {
	/** What the column needed beyond a plain number: a currency, a percent sign, another way to write digits, or only missing markers. */
	format: 'grouped' | 'currency' | 'percent' | 'tokens';
	/** Thousands separator ('' = none; ' ' stands for any of the three spaces). */
	group: Group;
	decimal: Decimal;
	/** The currency as the column writes it most often ("€", "DA", "Dhs"). */
	currency?: string;
	/** Missing markers found in the sample, as written. */
	tokens: string[];
}

const GROUPS: Group[] = ['', ' ', '.', ',', "'"];

/** `value` without the spaces and tabs a cell may carry around it (the characters of `TRIMMED`). */
export function trimmed(value: string): string {
	let start = 0;
	let end = value.length;
	while (start < end && TRIMMED.includes(value[start])) start++;
	while (end > start && TRIMMED.includes(value[end - 1])) end--;
	return value.slice(start, end);
}

function formatOf(rule: NumbersAsText): NumberFormat {
	const forms = rule.currency ? CURRENCIES.find((c) => c.includes(rule.currency!.toLowerCase())) : undefined;
	const affix = forms ? { kind: 'currency' as const, forms } : rule.format === 'percent' ? { kind: 'percent' as const } : { kind: 'none' as const };
	return { group: rule.group, decimal: rule.decimal, affix };
}

const compiled = new Map<string, RegExp>();
function matcher(format: NumberFormat): RegExp {
	const source = `^(?:${numberPattern(format)})$`;
	let re = compiled.get(source);
	if (!re) compiled.set(source, (re = new RegExp(source, 'u')));
	return re;
}

/** The value of a lower-case `text` that matches `format`, as the SQL of `numberSql` reads it. */
function valueOf(text: string, format: NumberFormat): number {
	if (format.group === '' && format.affix.kind === 'none') return Number(text.replace('−', '-').replace(',', '.'));
	const negative = /^[^0-9]*[-−(]/.test(text);
	const magnitude = Number(text.replace(format.decimal === ',' ? /[^0-9,]/g : /[^0-9.]/g, '').replace(',', '.'));
	return negative ? -magnitude : magnitude;
}

/** The affixes to try: none, percent, then each currency. */
const AFFIXES: NumberFormat['affix'][] = [{ kind: 'none' }, { kind: 'percent' }, ...CURRENCIES.map((forms) => ({ kind: 'currency' as const, forms }))];

/** The currency form (as written) found most often in `values`. */
function writtenCurrency(values: string[], forms: readonly string[]): string {
	const seen = new Map<string, number>();
	const find = new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegex).join('|'), 'iu');
	for (const v of values) {
		const form = find.exec(v)?.[0];
		if (form) seen.set(form, (seen.get(form) ?? 0) + 1);
	}
	return [...seen].sort((a, b) => b[1] - a[1])[0]?.[0] ?? forms[0];
}

/**
 * The one format in which every value of a column reads as a number (or a
 * missing marker), from a sample of its distinct values; null when there is
 * none, when values are only markers, or when two readings give different
 * numbers and the file's decimal separator does not settle it.
 * @param decimal the file's decimal separator: it decides "1,234" (1.234 with ',', 1234 with '.')
 */
export function readNumbersAsText(values: readonly string[], decimal: Decimal): NumbersAsText | null {
	const tokens: string[] = [];
	const written: string[] = [];
	for (const raw of values) {
		const v = trimmed(raw);
		if (!v) continue;
		if (isMissingToken(v)) tokens.push(v);
		else written.push(v);
	}
	if (!written.length) return null;
	const numbers = written.map((v) => v.toLowerCase());
	const decimals: Decimal[] = decimal === ',' ? [',', '.'] : ['.', ','];
	for (const affix of AFFIXES) {
		// In order of preference: no separator first, the file's decimal first.
		const formats = GROUPS.flatMap((group) => decimals.filter((d) => d !== group).map((d): NumberFormat => ({ group, decimal: d, affix })));
		const fits = formats.filter((f) => numbers.every((v) => matcher(f).test(v)));
		if (!fits.length) continue;
		const readings = (f: NumberFormat) => numbers.map((v) => valueOf(v, f)).join(' ');
		const agree = (list: NumberFormat[]) => list.every((f) => readings(f) === readings(list[0]));
		// "1,234" alone is 1.234 or 1234: the file's decimal separator decides. Not when the column also
		// writes "1.234" (which is which?), nor when even the file's separator leaves two readings: then it stays text.
		const own = fits.filter((f) => f.decimal === decimal);
		const bothMarks = numbers.some((v) => v.includes('.')) && numbers.some((v) => v.includes(','));
		const chosen = agree(fits) ? fits[0] : !bothMarks && own.length && agree(own) ? own[0] : null;
		if (!chosen) return null;
		const format = affix.kind === 'currency' ? 'currency' : affix.kind === 'percent' ? 'percent' : chosen.group || chosen.decimal !== decimal ? 'grouped' : 'tokens';
		const rule: NumbersAsText = { format, group: chosen.group, decimal: chosen.decimal, tokens };
		if (affix.kind === 'currency') rule.currency = writtenCurrency(written, affix.forms);
		return rule;
	}
	return null;
}

/**
 * DuckDB SQL reading `textExpr` (a trimmed VARCHAR) as a number in `rule`'s
 * format: NULL for missing markers, empty text and anything not in that format.
 * @param type 'BIGINT' reads only whole numbers written without a decimal part (others are NULL)
 */
export function numberSql(textExpr: string, rule: NumbersAsText, type: 'DOUBLE' | 'BIGINT' = 'DOUBLE'): string {
	const format = formatOf(rule);
	const integerOnly = type === 'BIGINT';
	const text = `lower(${textExpr})`;
	const matches = `regexp_full_match(${text}, ${quoteString(numberPattern(format, integerOnly))})`;
	let value: string;
	if (format.group === '' && format.affix.kind === 'none') {
		// A plain number: DuckDB reads it once the decimal separator is a point.
		const signed = `replace(${text}, '−', '-')`;
		value = `TRY_CAST(${format.decimal === ',' ? `replace(${signed}, ',', '.')` : signed} AS ${type})`;
	} else {
		// Keep digits and the decimal separator (the pattern has checked the rest), then the sign.
		const kept = integerOnly ? '[^0-9]' : format.decimal === ',' ? '[^0-9,]' : '[^0-9.]';
		const magnitude = `replace(regexp_replace(${text}, ${quoteString(kept)}, '', 'g'), ',', '.')`;
		const negative = `regexp_matches(${text}, '^[^0-9]*[-−(]')`;
		value = `TRY_CAST(CASE WHEN ${negative} THEN '-' ELSE '' END || ${magnitude} AS ${type})`;
	}
	return `CASE WHEN ${matches} THEN ${value} END`;
}
