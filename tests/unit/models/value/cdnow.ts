/** The CDNOW fixtures for the value tests, read without DuckDB (plain CSV, no quoting). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const datasets = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

function rows(name: string): string[][] {
	return readFileSync(datasets + name, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
}

/** The paper's calibration summary (ID, x, t_x, T, zbar), weeks. */
export function cdnowSummary() {
	const r = rows('cdnow_summary.csv').map((v) => v.map(Number));
	return {
		ids: r.map((v) => v[0]),
		frequency: Float64Array.from(r, (v) => v[1]),
		recency: Float64Array.from(r, (v) => v[2]),
		age: Float64Array.from(r, (v) => v[3]),
		monetary: Float64Array.from(r, (v) => v[4])
	};
}

/** Day number (days since 1970-01-01) of an ISO date. */
export const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The 1/10 sample's purchase log (customer_id, date, quantity, amount). */
export function cdnowSampleLog() {
	const r = rows('cdnow_sample.csv');
	return { customers: r.map((v) => Number(v[0])), days: Float64Array.from(r, (v) => dayOf(v[1])), amounts: Float64Array.from(r, (v) => Number(v[3])) };
}
