import type { CellValue } from '$lib/clients/data';
import { formatDate, localeTag } from '$lib/i18n';

/** Formats per interface language, made once each (Intl formatters are slow to build). */
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
	const key = `${localeTag()}:${digits}`;
	let format = cache.get(key);
	if (!format) cache.set(key, (format = new Intl.NumberFormat(localeTag(), { maximumFractionDigits: digits })));
	return format;
}

/**
 * How a value reads in a grid cell: numbers grouped, missing values empty
 * (styled as NULL). Dates (`type` DATE or TIMESTAMP, sent as ISO text) read
 * as the French write them in a French interface ("14/03/2024"); English
 * keeps ISO, the unambiguous form data tools use.
 */
export function formatValue(value: CellValue, type = ''): string {
	if (value === null) return '';
	if (typeof value === 'string' && localeTag() !== 'en-US' && /^(DATE|TIMESTAMP)/.test(type)) return localDate(value);
	if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e15 ? String(value) : numberFormat(6).format(value);
	return String(value);
}

/** An ISO date or date-time ("2024-03-14", "2024-03-14T09:30:00") in the interface's language, as written (no time zone shift). */
function localDate(iso: string): string {
	const date = new Date(/T/.test(iso) ? `${iso.replace(/Z$/, '')}Z` : `${iso}T00:00:00Z`);
	return Number.isNaN(date.getTime()) ? iso : formatDate(date);
}

/** Milliseconds for humans: "850 ms", "2.4 s". */
export function formatMs(ms: number): string {
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toLocaleString(localeTag(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}


/** A size for humans, in powers of 1000 as browsers' storage settings show it: "850 B", "12.3 kB", "1.5 MB" (in French "1,5 Mo"). */
export function formatBytes(bytes: number): string {
	const units = localeTag().startsWith('fr') ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return `${numberFormat(1).format(value)} ${units[unit]}`;
}
