/**
 * Compact number formatting for profiles, tables and chart tooltips, in the
 * interface's language: "7,043" and "1.5" in English, "7 043" and "1,5" in French.
 */
import { currentLocale } from './current';
import type { Locale } from './locale-list';

// A narrow no-break space keeps "%" with its number.
const PERCENT_GAP = '\u202f';
const TAGS: Record<Locale, string> = { en: 'en-US', fr: 'fr-FR' };

/** The number formats of one language (made once each: Intl formatters are slow to build). */
function formatsOf(lang: Locale) {
	const tag = TAGS[lang];
	return {
		tag,
		/** Byte units as each language writes them ("Mo" is the French MB). */
		bytes: lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'],
		integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
		oneDecimal: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
		significant: new Intl.NumberFormat(tag, { maximumSignificantDigits: 3 })
	};
}
const FORMATS = { en: formatsOf('en'), fr: formatsOf('fr') };
const current = () => FORMATS[currentLocale()];

/** The BCP 47 tag of the interface's language ("en-US", "fr-FR"), for Intl formats made elsewhere. */
export const localeTag = (): string => current().tag;

/**
 * A number in a few characters: integers grouped, hundreds and up with one
 * decimal, smaller values with 3 significant digits, extremes in e-notation.
 * @example formatNumber(1234.56) // "1,234.6"; formatNumber(0.012345) // "0.0123"
 */
export function formatNumber(value: number | null | undefined): string {
	if (value === null || value === undefined || Number.isNaN(value)) return '–';
	if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
	const abs = Math.abs(value);
	if (abs >= 1e15 || (abs > 0 && abs < 1e-4)) return value.toExponential(2);
	const f = current();
	const format = Number.isInteger(value) ? f.integer : abs >= 100 ? f.oneDecimal : f.significant;
	return format.format(value);
}

/** A share in percent: "0 %", "0.4 %", "12 %", "100 %" (one decimal only below 10). */
export function formatPercent(pct: number): string {
	if (!Number.isFinite(pct)) return '–';
	const rounded = pct < 10 ? Math.round(pct * 10) / 10 : Math.round(pct);
	// A few missing values must not read as none, nor nearly all as all.
	const shown = pct > 0 && rounded === 0 ? 0.1 : pct < 100 && rounded === 100 ? 99 : rounded;
	return `${current().oneDecimal.format(shown)}${PERCENT_GAP}%`;
}

/** A count with grouped thousands: "12,345". */
export function formatCount(n: number): string {
	return current().integer.format(n);
}

/**
 * A number with exactly `digits` decimals and grouped thousands, so a column of means lines up.
 * @example formatFixed(1234.5, 2) // "1,234.50"; formatFixed(1, 1) // "1.0"
 */
export function formatFixed(value: number, digits: number): string {
	if (!Number.isFinite(value)) return '–';
	return value.toLocaleString(current().tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A date (and its time when it has one) as the interface's language writes it: "3/14/2024" or "14/03/2024". */
export function formatDate(value: Date): string {
	if (Number.isNaN(value.getTime())) return '–';
	const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
	return midnight
		? value.toLocaleDateString(current().tag, { timeZone: 'UTC' })
		: value.toLocaleString(current().tag, { timeZone: 'UTC' });
}

/** A size for humans, in powers of 1000 as browsers' storage settings show it: "850 B", "12.3 kB", "1.5 MB" (in French "1,5 Mo"). */
export function formatBytes(bytes: number): string {
	const f = current();
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < f.bytes.length - 1) {
		value /= 1000;
		unit++;
	}
	return `${f.oneDecimal.format(value)} ${f.bytes[unit]}`;
}
