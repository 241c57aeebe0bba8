/**
 * The purchase summary in SQL against the CDNOW paper's own calibration summary (Fader, Hardie & Lee
 * 2005: weeks 1–39 of 1997, T and t_x in weeks, same-day purchases one purchase), and hand cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from './engine-fixture';

async function rows(engine: DataEngine, sql: string) {
	return (await engine.queryRows(sql, 100_000)).rows;
}

describe('purchaseSummary(request)', () => {
	it('on the CDNOW 1/10 sample gives the paper\'s x, t_x and T for every one of the 2357 customers', async () => {
		const { engine } = await newEngine();
		await load(engine, 'cdnow_sample.csv', readFileSync('datasets/cdnow_sample.csv'), 'cdnow');
		const result = await engine.purchaseSummary({ source: 'cdnow', customer: 'customer_id', date: 'date', amount: 'amount', calibrationEnd: '1997-09-30', unit: 'week', outName: 'cdnow_summary' });
		expect(result.info.rowCount).toBe(2357);
		expect(result.holdoutEnd).toBe('1998-06-30');
		expect(result.holdoutPeriods).toBeCloseTo(273 / 7, 9);
		const ours = await rows(engine, 'SELECT customer_id, frequency, recency, T, monetary_value FROM cdnow_summary ORDER BY customer_id');
		const paper = readFileSync('datasets/cdnow_summary.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
		expect(ours.length).toBe(paper.length);
		let worstSpend = 0;
		paper.forEach(([id, x, tx, T, zbar], i) => {
			const [oid, f, r, age, m] = ours[i].map(Number);
			expect(oid).toBe(id);
			expect(f, `x of ${id}`).toBe(x);
			expect(Math.abs(r - tx), `t_x of ${id}`).toBeLessThanOrEqual(0.005 + 1e-9);
			expect(Math.abs(age - T), `T of ${id}`).toBeLessThanOrEqual(0.005 + 1e-9);
			if (x > 0) worstSpend = Math.max(worstSpend, Math.abs(m - zbar));
		});
		// zbar is the paper's mean repeat spend rounded to cents.
		expect(worstSpend).toBeLessThanOrEqual(0.005 + 1e-9);
		const [[repeats]] = await rows(engine, 'SELECT sum(frequency + holdout_frequency) FROM cdnow_summary');
		expect(result.repeats.reduce((s, r) => s + r.repeats, 0)).toBe(Number(repeats));
		expect(result.births.reduce((s, b) => s + b.customers, 0)).toBe(2357);
	});

	it('merges same-day purchases, reads day-first dates and decimal commas, leaves later customers out with a note', async () => {
		const { engine } = await newEngine();
		const csv = ['client;jour;montant', 'A;01/02/2024;10,00', 'A;01/02/2024;5,50', 'A;15/02/2024;20,00', 'A;29/02/2024;30,00', 'B;10/02/2024;7,00', 'C;20/03/2024;9,00', 'A;25/03/2024;1,00'].join('\n');
		await load(engine, 'tx.csv', csv, 'tx');
		const result = await engine.purchaseSummary({ source: 'tx', customer: 'client', date: 'jour', amount: 'montant', calibrationEnd: '2024-03-01', unit: 'day', outName: 'tx_summary' });
		expect(result.holdoutEnd).toBe('2024-03-25');
		expect(result.notes.join(' ')).toContain('1 customer first bought after 2024-03-01');
		const got = await rows(engine, 'SELECT client, frequency, recency, T, monetary_value, holdout_frequency FROM tx_summary');
		expect(got.map((r) => r.map((v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)))).toEqual([
			['A', 2, 28, 29, 25, 1],
			['B', 0, 0, 20, 0, 0]
		]);
	});

	it('refuses a holdout end before the calibration end and a calibration end before every purchase, in plain words', async () => {
		const { engine } = await newEngine();
		await load(engine, 'tx.csv', 'client,date,amount\nA,2024-01-02,3\nA,2024-01-09,4\n', 'tx');
		const base = { source: 'tx', customer: 'client', date: 'date', amount: 'amount', unit: 'week' as const, outName: 's' };
		await expect(engine.purchaseSummary({ ...base, calibrationEnd: '2024-01-05', holdoutEnd: '2024-01-04' })).rejects.toThrow('must come after the calibration end');
		await expect(engine.purchaseSummary({ ...base, calibrationEnd: '2023-12-01' })).rejects.toThrow('before the first purchase');
		await expect(engine.purchaseSummary({ ...base, calibrationEnd: 'soon' })).rejects.toThrow('invalid calibration end: soon');
		await expect(engine.purchaseSummary({ ...base, amount: 'price' })).rejects.toThrow('There is no column named "price"');
	});
});
