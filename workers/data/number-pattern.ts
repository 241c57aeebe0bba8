/**
 * The shape of a number written as text in one format ("1 234,50 €",
 * "$1,234.50", "12,5 %", "(1'234.50)"), as one regular expression. The same
 * text serves JavaScript (deciding a column's format from a sample) and
 * DuckDB's RE2 (reading and checking the whole column), so both agree on
 * what a value in that format is. Patterns apply to the value in lower case.
 */

/** Thousands separators: none, a space (any of three), a point, a comma, an apostrophe (Swiss). */
export type Group = '' | ' ' | '.' | ',' | "'";
export type Decimal = '.' | ',';

/** What a number carries around it: nothing, a percent sign, or a currency (its written forms, lower case). */
export type Affix = { kind: 'none' } | { kind: 'percent' } | { kind: 'currency'; forms: readonly string[] };

export interface NumberFormat {
	group: Group;
	decimal: Decimal;
	affix: Affix;
}

/** Spaces seen in numbers: the ordinary one, the no-break space and the narrow no-break space (French exports). */
export const SPACES = ' \u00a0\u202f';

/**
 * Currencies with every way they are written (lower case). Forms of one
 * currency may mix in a column ("12 DH", "15 Dhs"), different currencies may not.
 */
export const CURRENCIES: readonly (readonly string[])[] = [
	['€', 'eur'],
	['$', 'usd'],
	['£', 'gbp'],
	['da', 'dzd'],
	['dh', 'dhs', 'mad'],
	['dt', 'tnd']
];

export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const space = `[${SPACES}]*`;
const GROUP_CHARS: Record<Exclude<Group, ''>, string> = { ' ': `[${SPACES}]`, '.': '\\.', ',': ',', "'": "['’]" };

/**
 * The digits: no leading zero ("01234" is a code, not a number), and with a
 * separator every integer part over 3 digits is grouped by exactly 3 ("1 234 5"
 * and "06 12 34 56 78" are not numbers), so a column keeps one format throughout.
 */
function digits(format: NumberFormat, integerOnly: boolean): string {
	const { group, decimal } = format;
	const int = group === '' ? '(?:0|[1-9][0-9]*)' : `(?:[1-9][0-9]{0,2}(?:${GROUP_CHARS[group]}[0-9]{3})+|0|[1-9][0-9]{0,2})`;
	if (integerOnly) return int;
	const point = escapeRegex(decimal);
	// Only plain numbers (nothing around them) may start with the separator or carry an exponent, as DuckDB reads them.
	if (group === '' && format.affix.kind === 'none') return `(?:${int}(?:${point}[0-9]*)?|${point}[0-9]+)(?:e[-+]?[0-9]+)?`;
	return `${int}(?:${point}[0-9]+)?`;
}

/**
 * The whole value: sign, number and what is around it.
 * @param integerOnly whole numbers written without a decimal part only
 */
export function numberPattern(format: NumberFormat, integerOnly = false): string {
	const n = digits(format, integerOnly);
	// A "+" before space-grouped digits is a phone number ("+33 612 345 678"), not an amount.
	const sign = format.group === ' ' ? '[-−]' : '[-+−]';
	const { affix } = format;
	if (affix.kind === 'percent') return `${sign}?${n}${space}%`;
	if (affix.kind === 'none') return format.group === '' ? `${sign}?${n}` : `${sign}?${n}|\\(${n}\\)`;
	const c = `(?:${[...affix.forms].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})`;
	return [
		`(?:${sign}${space})?${c}${space}${n}`, // -€12, € 12
		`${c}${space}${sign}${n}`, // € -12
		`${sign}?${n}${space}${c}`, // -1 234,50 €
		// Accounting negatives: (1,234.50), ($1,234.50), $(1,234.50), (1 234,50) €
		`\\(${space}(?:${c}${space}${n}|${n}${space}${c}|${n})${space}\\)`,
		`${c}${space}\\(${n}\\)`,
		`\\(${n}\\)${space}${c}`
	].join('|');
}
