import type { CellValue } from '$lib/clients/data';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** How a value reads in a grid cell: numbers grouped, missing values empty (styled as NULL). */
export function formatValue(value: CellValue): string {
	if (value === null) return '';
	if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1e15 ? String(value) : NUMBER.format(value);
	return String(value);
}

/** Milliseconds for humans: "850 ms", "2.4 s". */
export function formatMs(ms: number): string {
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const SIZE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A size for humans, in powers of 1000 as browsers' storage settings show it: "850 B", "12.3 kB", "1.5 MB". */
export function formatBytes(bytes: number): string {
	const units = ['B', 'kB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return `${SIZE.format(value)} ${units[unit]}`;
}
