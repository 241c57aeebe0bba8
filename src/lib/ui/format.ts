import type { CellValue } from '$lib/clients/data';
import { formatDate, localeTag } from '$lib/i18n';

/** A grid number's format per interface language, made once each (Intl formatters are slow to build). */
const gridFormats = new Map<string, Intl.NumberFormat>();
function gridNumber(): Intl.NumberFormat {
	const tag = localeTag();
	let format = gridFormats.get(tag);
	if (!format) gridFormats.set(tag, (format = new Intl.NumberFormat(tag, { maximumFractionDigits: 6 })));
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
	if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e15 ? String(value) : gridNumber().format(value);
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

/** Sizes are formatted by the language layer (the workers write them too). */
export { formatBytes } from '$lib/i18n';
