import { describe, expect, it } from 'vitest';
import { emptyNotebook, type Notebook } from '$lib/notebook';
import { newCell } from '$lib/cells/definitions';
import { approxBytes } from '$lib/storage/sizes';
import { storageReport } from '../../../src/routes/storage-report';

function notebook(id: string, fileKey: string, resultKey: string): Notebook {
	const data = newCell('data', { fileKey, fileName: `${id}.csv`, table: id });
	const churn = newCell('churn', { table: id, resultKey });
	return { ...emptyNotebook(id, id), cells: [data, churn] };
}

describe('storageReport', () => {
	const a = notebook('a', 'f_a', 'r_a');
	const b = notebook('b', 'f_b', 'r_b');
	const files = [
		{ key: 'f_a', bytes: 1000 },
		{ key: 'f_b', bytes: 50 },
		{ key: 'f_gone', bytes: 7 }
	];
	const results = new Map([
		['r_a', 400],
		['r_old', 30]
	]);

	it('gives each notebook its files, results and document, and their total', () => {
		const report = storageReport([a, b], files, results);
		const first = report.notebooks[0];
		expect(first.files).toEqual([{ name: 'a.csv', bytes: 1000 }]);
		expect(first.results).toBe(1);
		expect(first.resultBytes).toBe(400);
		expect(first.documentBytes).toBe(new TextEncoder().encode(JSON.stringify(a)).length);
		expect(first.totalBytes).toBe(1000 + 400 + first.documentBytes);
		expect(report.notebooks[1].resultBytes).toBe(0); // r_b is not kept
	});

	it('counts what no notebook refers to apart', () => {
		expect(storageReport([a, b], files, results).loose).toEqual({ files: 1, bytes: 7, results: 1 });
	});
});

describe('approxBytes', () => {
	it('counts typed arrays by their bytes, text two bytes a character, numbers eight', () => {
		expect(approxBytes(new Float64Array(100))).toBe(800);
		expect(approxBytes('abcd')).toBe(8);
		expect(approxBytes({ w: new Float32Array(10), n: 3 })).toBe(2 + 40 + 2 + 8);
		expect(approxBytes([1, 2, null])).toBe(16);
	});

	it('counts a value kept twice once, as structured clone stores it', () => {
		const weights = new Float64Array(1000);
		expect(approxBytes({ a: weights, b: weights })).toBe(2 + 8000 + 2);
	});
});
