/** Tables for the recommendation tests: wa_churn as raw columns, its capitalised export, and small planted matrices. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawColumn } from '../../../../models/shared';
import type { OwnershipMatrix, RecommendData } from '../../../../models/recommend';
import { createRng } from '../../../../models/shared';
import { parseCsv } from '../split-fixture';

export const SERVICES = ['phone_service', 'multiple_lines', 'internet_service', 'online_security', 'online_backup', 'device_protection', 'tech_support', 'streaming_tv', 'streaming_movies'];

/** A CSV as raw columns (numeric when every non-empty value is a number, as DuckDB reads it). */
export function rawFromCsv(header: string[], body: string[][]): RawColumn[] {
	return header.map((name, c) => {
		const cells = body.map((row) => row[c] ?? '');
		const numeric = cells.every((v) => v === '' || Number.isFinite(Number(v)));
		return numeric
			? { name, type: 'numeric', values: Float64Array.from(cells, (v) => (v === '' ? NaN : Number(v))) }
			: { name, type: 'text', values: cells.map((v) => (v === '' ? null : v)) };
	});
}

export function readWaChurn(): { header: string[]; body: string[][] } {
	const [header, ...body] = parseCsv(readFileSync(join(import.meta.dirname, '../../../../datasets/wa_churn.csv'), 'utf8'));
	return { header, body: body.filter((r) => r.length === header.length) };
}

const pascal = (name: string) => name.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/**
 * The same customers as another system exports them: PascalCase names (`PhoneService`), services as
 * `Yes`/`No`/`No phone service`/`No internet service`, and a `CustomerID` column first.
 */
export function capitalisedExport(): { header: string[]; body: string[][]; services: string[] } {
	const { header, body } = readWaChurn();
	const isService = header.map((h) => SERVICES.includes(h));
	return {
		header: ['CustomerID', ...header.map(pascal)],
		body: body.map((row, r) => [`${String(1000 + r)}-C${r}`, ...row.map((v, c) => (isService[c] && (v === '0' || v === '1') ? (v === '1' ? 'Yes' : 'No') : v))]),
		services: SERVICES.map(pascal)
	};
}

/**
 * Two groups of customers: group 0 owns items of the first half with probability `p`, the other half
 * with `q`; group 1 the reverse. A rank-2 structure popularity cannot see.
 */
export function plantedMatrix(users: number, items: number, seed: number, p = 0.7, q = 0.03): OwnershipMatrix {
	const rng = createRng(seed);
	const owned = new Uint8Array(users * items);
	for (let u = 0; u < users; u++) {
		const group = u % 2;
		for (let j = 0; j < items; j++) {
			const inBlock = (j < items / 2 ? 0 : 1) === group;
			owned[u * items + j] = rng() < (inBlock ? p : q) ? 1 : 0;
		}
	}
	return { users: Array.from({ length: users }, (_, u) => `c${u}`), items: Array.from({ length: items }, (_, j) => `item ${j}`), owned };
}

export const dataOf = (matrix: OwnershipMatrix): RecommendData => ({ matrix, profile: null });
