/**
 * wa_churn as the survival tests use it (the same columns R reads in
 * reference.R): duration tenure, churn == "Yes" as the event, the contract
 * groups, and the covariates of the reference Cox model.
 */
import { readFileSync } from 'node:fs';
import type { RawColumn } from '../../../../models/shared';
import reference from './r-reference.json';

export { reference };

/** Splits one line of the dataset's CSV (quoted text, no quoted commas or quotes). */
function cells(line: string): string[] {
	return line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1'));
}

export interface WaChurn {
	duration: Float64Array;
	event: Uint8Array;
	columns: RawColumn[];
	text(name: string): string[];
}

let cached: WaChurn | null = null;

export function readWaChurn(): WaChurn {
	if (cached) return cached;
	const [head, ...lines] = readFileSync(new URL('../../../../datasets/wa_churn.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
	const names = cells(head);
	const rows = lines.map(cells);
	const columns: RawColumn[] = names.map((name, c) => {
		const values = rows.map((r) => r[c]);
		const numeric = values.every((v) => v === '' || !Number.isNaN(Number(v)));
		return numeric ? { name, type: 'numeric', values: Float64Array.from(values, (v) => (v === '' ? NaN : Number(v))) } : { name, type: 'text', values: values.map((v) => (v === '' ? null : v)) };
	});
	const column = (name: string) => columns.find((c) => c.name === name)!;
	const tenure = column('tenure');
	cached = {
		duration: Float64Array.from(tenure.values as Float64Array),
		event: Uint8Array.from(column('churn').values as (string | null)[], (v) => (v === 'Yes' ? 1 : 0)),
		columns,
		text: (name) => (column(name).values as (string | null)[]).map((v) => v ?? '')
	};
	return cached;
}

/** The covariates of the reference Cox model, in its formula's order. */
export const COX_COVARIATES = ['monthly_charges', 'contract', 'senior_citizen', 'internet_service', 'paperless_billing', 'payment_method'];

/** Largest |a − b| over two arrays (NaN where R has NA must match NaN). */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number | null>): number {
	expect(a.length).toBe(b.length);
	let worst = 0;
	for (let i = 0; i < a.length; i++) {
		const r = b[i];
		if (r === null) expect(Number.isNaN(a[i]), `index ${i}: R has NA, got ${a[i]}`).toBe(true);
		else worst = Math.max(worst, Math.abs(a[i] - r));
	}
	return worst;
}
import { expect } from 'vitest';
