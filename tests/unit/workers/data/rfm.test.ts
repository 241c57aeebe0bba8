import { describe, expect, it } from 'vitest';
import type { DataEngine, RfmRequest } from '$workers/data';
import { load, newEngine } from './engine-fixture';

/** Ten customers, European dates and decimal commas; the latest purchase is 31/03/2024. */
const PURCHASES: [string, string[], string[]][] = [
	['C01', ['05/01/2024', '20/01/2024', '10/02/2024', '01/03/2024', '15/03/2024', '31/03/2024'], ['10,00', '15,50', '20,00', '25,00', '30,00', '49,50']],
	['C02', ['03/01/2024', '01/02/2024', '15/02/2024', '10/03/2024', '28/03/2024'], ['8,00', '12,00', '10,00', '20,00', '5,25']],
	['C03', ['29/03/2024'], ['300,00']],
	['C04', ['01/02/2024', '20/03/2024'], ['40,00', '60,10']],
	['C05', ['02/01/2024', '16/01/2024', '01/02/2024', '15/02/2024', '01/03/2024'], ['5,00', '5,00', '5,00', '5,00', '5,00']],
	['C06', ['10/01/2024', '01/02/2024', '15/02/2024'], ['70,00', '80,00', '90,00']],
	['C07', ['02/01/2024', '05/01/2024', '10/01/2024', '20/01/2024', '01/02/2024'], ['1,00', '2,00', '3,00', '4,00', '10,99']],
	['C08', ['03/01/2024', '10/01/2024'], ['100,00', '99,99']],
	['C09', ['05/01/2024'], ['12,34']],
	['C10', ['01/01/2024', '01/01/2024', '01/01/2024', '02/01/2024', '02/01/2024', '02/01/2024'], ['100,00', '100,00', '100,00', '100,00', '100,00', '100,00']]
];
const TX_CSV = ['client;date;montant', ...PURCHASES.flatMap(([id, dates, amounts]) => dates.map((d, i) => `${id};${d};${amounts[i]}`))].join('\n') + '\n';

/**
 * By hand, as of 2024-04-01. Score = 1 + ⌊5 × customers strictly worse / 10⌋. R orders recency
 * descending (90, 87 → 1 … 3, 1 → 5); M ascending, all distinct (2 per score). F ascending with
 * ties: 1, 1 → 1; 2, 2 → 2; 3 and 5, 5, 5 (4 and 5 worse) → 3; 6, 6 (8 worse) → 5; none gets 4.
 */
const EXPECTED: [string, number, number, number, string, string][] = [
	['C01', 1, 6, 150, '553', 'Champions'],
	['C02', 4, 5, 55.25, '432', 'Potential loyalists'],
	['C03', 3, 1, 300, '515', 'New customers'],
	['C04', 12, 2, 100.1, '423', 'Potential loyalists'],
	['C05', 31, 5, 25, '332', 'Need attention'],
	['C06', 46, 3, 240, '334', 'Need attention'],
	['C07', 60, 5, 20.99, '231', 'At risk'],
	['C08', 82, 2, 199.99, '224', 'Hibernating'],
	['C09', 87, 1, 12.34, '111', 'Lost'],
	['C10', 90, 6, 600, '155', 'Cannot lose them']
];

const REQUEST: RfmRequest = { source: 'tx', customer: 'client', date: 'date', amount: 'montant', outName: 'rfm' };

async function rows(engine: DataEngine, table: string) {
	const page = await engine.page(table, 0, 100, { column: 'customer', descending: false });
	return page.rows;
}

async function engineWithTx(): Promise<DataEngine> {
	const { engine } = await newEngine();
	await load(engine, 'tx.csv', TX_CSV, 'tx');
	return engine;
}

function expectHandComputed(table: (string | number | boolean | null)[][]): void {
	expect(table.map((r) => [r[0], r[1], r[2], r[7], r[8]])).toEqual(EXPECTED.map(([id, rec, freq, , score, seg]) => [id, rec, freq, score, seg]));
	table.forEach((r, i) => expect(r[3]).toBeCloseTo(EXPECTED[i][3], 6));
	table.forEach((r) => expect(String(r[4]) + String(r[5]) + String(r[6])).toBe(r[7]));
}

describe('rfm', () => {
	it('rfm({source, customer, date, amount, outName}) computes recency, frequency and monetary per customer', async () => {
		const engine = await engineWithTx();
		const result = await engine.rfm(REQUEST);
		expect(result.info.columns.map((c) => c.name)).toEqual([
			'customer', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_score', 'segment'
		]);
		expect(result.info.rowCount).toBe(10);
		expectHandComputed(await rows(engine, 'rfm'));
	});

	it('rfm(request) without asOf counts recency to the day after the latest purchase', async () => {
		const result = await (await engineWithTx()).rfm({ ...REQUEST, asOf: null });
		expect(result.asOf).toBe('2024-04-01');
		expect(result.unparsedDates).toBe(0);
	});

	it('rfm({asOf}) counts recency to that date and leaves out later purchases', async () => {
		const engine = await engineWithTx();
		const result = await engine.rfm({ ...REQUEST, asOf: '2024-03-30' });
		expect(result.asOf).toBe('2024-03-30');
		const table = await rows(engine, 'rfm');
		expect(table.find((r) => r[0] === 'C01')?.slice(1, 3)).toEqual([15, 5]); // 31/03 left out; last 15/03
		expect(table.find((r) => r[0] === 'C02')?.[1]).toBe(2);
		expect(result.notes.join(' ')).toContain('1 purchase is after 2024-03-30 and left out.');
		await expect(engine.rfm({ ...REQUEST, asOf: '31/03/2024' })).rejects.toThrow('invalid asOf: 31/03/2024');
	});

	it('rfm(request) reports rules in priority order and a summary per segment', async () => {
		const result = await (await engineWithTx()).rfm(REQUEST);
		expect(result.rules.map((r) => r.segment)).toEqual([
			'Champions', 'Cannot lose them', 'Loyal', 'New customers', 'Potential loyalists', 'Lost', 'At risk', 'Hibernating', 'Need attention'
		]);
		expect(result.rules[0]).toMatchObject({ rule: 'R = 5 and F ≥ 4' });
		// Non-empty segments only (nobody is Loyal here), in rule order.
		expect(result.segments.map((s) => s.segment)).toEqual(result.rules.map((r) => r.segment).filter((s) => s !== 'Loyal'));
		expect(result.segments.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 9);
	});

	it('rfm(request) gives each segment its mean recency, frequency and monetary value', async () => {
		const result = await (await engineWithTx()).rfm(REQUEST);
		// By hand from EXPECTED: e.g. Need attention = C05 (31 d, 5, 25) and C06 (46 d, 3, 240).
		const means: [string, number, number, number, number][] = [
			['Champions', 1, 1, 6, 150],
			['Cannot lose them', 1, 90, 6, 600],
			['New customers', 1, 3, 1, 300],
			['Potential loyalists', 2, 8, 3.5, 77.675],
			['Lost', 1, 87, 1, 12.34],
			['At risk', 1, 60, 5, 20.99],
			['Hibernating', 1, 82, 2, 199.99],
			['Need attention', 2, 38.5, 4, 132.5]
		];
		expect(result.segments.map((s) => s.segment)).toEqual(means.map(([segment]) => segment));
		result.segments.forEach((s, i) => {
			const [, customers, recency, frequency, monetary] = means[i];
			expect(s).toMatchObject({ customers, share: customers / 10 });
			expect([s.recency, s.frequency, s.monetary].map((v) => Math.round(v * 1000) / 1000)).toEqual([recency, frequency, monetary]);
		});
	});

	it('rfm(request) reads dates and decimal-comma amounts stored as text', async () => {
		const engine = await engineWithTx();
		await engine.runSql(
			`CREATE TABLE tx_text AS SELECT client, strftime("date", '%d/%m/%Y') AS "date", replace(CAST(montant AS VARCHAR), '.', ',') AS montant FROM tx`,
			'q'
		);
		expect((await engine.describe('tx_text')).columns.map((c) => c.type)).toEqual(['VARCHAR', 'VARCHAR', 'VARCHAR']);
		const result = await engine.rfm({ ...REQUEST, source: 'tx_text', outName: 'rfm_text' });
		expect(result.notes.join(' ')).not.toContain('month/day/year (US)'); // days above 12 settle the order
		expectHandComputed(await rows(engine, 'rfm_text'));
	});

	it('rfm(request) on ISO dates and dot decimals gives the same segments', async () => {
		const { engine } = await newEngine();
		const iso = TX_CSV.replaceAll(/(\d\d)\/(\d\d)\/(\d{4})/g, '$3-$2-$1').replaceAll(/(\d),(\d\d)\n/g, '$1.$2\n').replaceAll(';', ',');
		await load(engine, 'tx-iso.csv', iso, 'tx_iso');
		await engine.runSql(`CREATE TABLE tx_iso_text AS SELECT client, CAST("date" AS VARCHAR) || ' 10:30:00' AS "date", montant FROM tx_iso`, 'q');
		for (const source of ['tx_iso', 'tx_iso_text']) {
			const result = await engine.rfm({ ...REQUEST, source });
			expect(result.asOf).toBe('2024-04-01');
			expectHandComputed(await rows(engine, 'rfm'));
		}
	});

	it('rfm(request) reads ambiguous dates day-first and says so; US-only dates month-first', async () => {
		const { engine } = await newEngine();
		await engine.runSql(`CREATE TABLE amb AS SELECT * FROM (VALUES ('A', '05/01/2024', '10'), ('B', '02/03/2024', '5,5'), ('A', 'n/a', '1')) t(client, "date", montant)`, 'q');
		const amb = await engine.rfm({ ...REQUEST, source: 'amb', outName: 'rfm_amb' });
		expect(amb.asOf).toBe('2024-03-03');
		expect(amb.unparsedDates).toBe(1);
		expect(amb.notes.join(' ')).toContain('read as day/month/year');
		expect((await rows(engine, 'rfm_amb')).map((r) => r.slice(0, 4))).toEqual([['A', 58, 1, 10], ['B', 1, 1, 5.5]]);
		await engine.runSql(`CREATE TABLE us AS SELECT * FROM (VALUES ('A', '12/31/2023', 10), ('B', '01/02/2024', 5)) t(client, "date", montant)`, 'q');
		const us = await engine.rfm({ ...REQUEST, source: 'us', outName: 'rfm_us' });
		expect(us.asOf).toBe('2024-01-03');
		expect(us.notes.join(' ')).toContain('month/day/year (US)');
	});

	it('rfm(request) explains unreadable dates, missing columns and empty tables in plain words', async () => {
		const engine = await engineWithTx();
		await load(engine, 'bad.csv', 'client,date,montant\nA,abc,1\nB,later,2\n', 'bad');
		await expect(engine.rfm({ ...REQUEST, source: 'bad' })).rejects.toThrow('The column "date" has no values that look like dates (e.g. "abc").');
		await expect(engine.rfm({ ...REQUEST, amount: 'price' })).rejects.toThrow('There is no column named "price" in tx.');
		await engine.runSql('CREATE TABLE empty_tx AS SELECT * FROM tx WHERE false', 'q');
		await expect(engine.rfm({ ...REQUEST, source: 'empty_tx' })).rejects.toThrow('The table "empty_tx" has no rows.');
		await expect(engine.rfm({ ...REQUEST, outName: 'tx' })).rejects.toThrow('needs a name other than "tx"');
	});

	it("runSql('SELECT segment, count(*) FROM rfm GROUP BY 1') queries the output table", async () => {
		const engine = await engineWithTx();
		await engine.rfm(REQUEST);
		const result = await engine.runSql('SELECT segment, count(*) AS customers FROM rfm GROUP BY 1 ORDER BY 1', 'q');
		expect(result.info?.rowCount).toBe(8);
		const page = await engine.page('q', 0, 20);
		expect(page.rows.find((r) => r[0] === 'Potential loyalists')).toEqual(['Potential loyalists', 2]);
	});
});
