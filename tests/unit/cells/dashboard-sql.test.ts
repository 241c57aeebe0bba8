import { beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from '../workers/data/engine-fixture';
import { alertInputSql, customersSql, distributionSql, draftRowsSql, filterWhere, kpiSql, orderBy, recommendationColumns, segmentSql, type DashboardColumns } from '$lib/cells/dashboard/sql';

let engine: DataEngine;

const SCORED = [
	'customerID,contract,monthly_charges,churn,churn_probability,predicted_churn,threshold,risk_level,reason_1,reason_2,reason_3',
	'A-1,Month-to-month,100,Yes,0.9,Yes,0.3,High,Short tenure,,',
	'A-2,Month-to-month,50,No,0.5,Yes,0.3,Medium,,,',
	'A-3,Two year,20,No,0.1,No,0.3,Low,,,',
	"B-4,One year,80,Yes,0.75,Yes,0.3,High,O'Brien's plan,,",
	'B-5,Two year,30,No,0.2,No,0.3,Low,,,'
].join('\n');

const COLS: DashboardColumns = { id: 'customerID', value: 'monthly_charges', segment: 'contract', target: 'churn', sentiment: '', text: ['customerID', 'contract'] };
const NO_FILTER = { search: '', riskLevels: [], filterColumn: '', filterValue: '' };

beforeAll(async () => {
	({ engine } = await newEngine());
	await load(engine, 'telco_scored.csv', SCORED + '\n', 'telco_scored');
	await load(engine, 'recs.csv', ['customerID,rank,item,score,p_accept', 'A-1,2,Online backup,0.4,0.2', 'A-1,1,Tech support,0.7,0.4', 'B-4,1,Device protection,0.5,0.3'].join('\n') + '\n', 'telco_recommendations');
});

const one = async (sql: string) => {
	const { columns, rows } = await engine.queryRows(sql, 100);
	return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
};

describe('dashboard SQL on DuckDB', () => {
	it('kpiSql: customers, actual churn rate, predicted at the threshold, high risk, revenue at risk = Σ value × probability', async () => {
		const [k] = await one(kpiSql('telco_scored', COLS, ''));
		expect(k.customers).toBe(5);
		expect(k.churn_rate).toBeCloseTo(0.4);
		expect(k.predicted).toBe(3);
		expect(k.high_risk).toBe(2);
		expect(k.revenue_at_risk).toBeCloseTo(100 * 0.9 + 50 * 0.5 + 20 * 0.1 + 80 * 0.75 + 30 * 0.2);
		const [none] = await one(kpiSql('telco_scored', { ...COLS, target: '', value: '' }, ''));
		expect([none.churn_rate, none.revenue_at_risk]).toEqual([null, null]);
	});

	it('filterWhere: search, risk levels and a column = value filter, quoted', async () => {
		const where = filterWhere({ search: 'month', riskLevels: ['High', 'Medium'], filterColumn: 'contract', filterValue: 'Month-to-month' }, COLS);
		const [k] = await one(kpiSql('telco_scored', COLS, where));
		expect(k.customers).toBe(2);
		const quoted = filterWhere({ ...NO_FILTER, search: "o'brien" }, { text: ['reason_1'] });
		expect((await one(`SELECT customerID FROM telco_scored ${quoted}`)).map((r) => r.customerID)).toEqual(['B-4']);
	});

	it('distributionSql and segmentSql group the filtered customers', async () => {
		const bands = await one(distributionSql('telco_scored', ''));
		expect(bands.reduce((n, b) => n + Number(b.customers), 0)).toBe(5);
		expect(bands.find((b) => b.band === 0.9)).toMatchObject({ risk_level: 'High', customers: 1 });
		const segments = await one(segmentSql('telco_scored', 'contract', ''));
		expect(segments[0]).toMatchObject({ segment: 'Month-to-month', customers: 2 });
		expect(segments[0].mean_risk).toBeCloseTo(0.7);
	});

	it('customersSql pages in the chosen order with the chosen columns', async () => {
		const sql = `${customersSql('telco_scored', ['customerID', 'monthly_charges'], '', orderBy('monthly_charges', false, 'customerID'))} LIMIT 2 OFFSET 1`;
		const { columns, rows } = await engine.queryRows(sql, 2);
		expect(columns).toEqual(['customerID', 'monthly_charges']);
		expect(rows).toEqual([['B-5', 30], ['A-2', 50]]);
		const byRisk = await one(customersSql('telco_scored', ['customerID'], '', orderBy('', true, 'customerID')));
		expect(byRisk.map((r) => r.customerID)).toEqual(['A-1', 'B-4', 'A-2', 'B-5', 'A-3']);
		// Risk levels sort by probability (Low < Medium < High), not alphabetically.
		const byLevel = await one(customersSql('telco_scored', ['risk_level'], '', orderBy('risk_level', false, 'customerID')));
		expect(byLevel.map((r) => r.risk_level)).toEqual(['Low', 'Low', 'Medium', 'High', 'High']);
	});

	it('alertInputSql and draftRowsSql: ids as text, each customer with their first offer', async () => {
		const input = await one(alertInputSql('telco_scored', COLS));
		expect(input[0]).toEqual({ id: 'A-1', probability: 0.9, value: 100, sentiment: null });
		const rc = recommendationColumns(['customerID', 'rank', 'item', 'score', 'p_accept'], 'customerID')!;
		expect(rc.offer).toBe('item');
		const drafts = await one(draftRowsSql('telco_scored', 'customerID', { ids: ['A-1', 'A-3', 'B-4'] }, { table: 'telco_recommendations', columns: rc }));
		expect(drafts.map((r) => [r.customerID, r.__offer])).toEqual([
			['A-1', 'Tech support'],
			['B-4', 'Device protection'],
			['A-3', null]
		]);
		const filtered = await one(draftRowsSql('telco_scored', 'customerID', { where: filterWhere({ ...NO_FILTER, riskLevels: ['Low'] }, COLS) }, null));
		expect(filtered.map((r) => r.customerID)).toEqual(['B-5', 'A-3']);
	});

	it('recommendationColumns takes the next-best offer first (offer_rank), else the best-ranked item, and needs an id and an item', () => {
		const written = ['customer_id', 'rank', 'item', 'score', 'p_accept', 'churn_risk', 'risk_with_item', 'expected_benefit', 'offer_rank', 'reason'];
		expect(recommendationColumns(written, 'customerID')).toEqual({ id: 'customer_id', offer: 'item', order: '"offer_rank" ASC NULLS LAST, "rank" ASC' });
		expect(recommendationColumns(['customer_id', 'item', 'score'], 'customerID')).toEqual({ id: 'customer_id', offer: 'item', order: '"score" DESC' });
		expect(recommendationColumns(['customer_id', 'risk_with_item'], 'customerID')).toBeNull();
		expect(recommendationColumns(['score'], 'customerID')).toBeNull();
	});

	it('queryRows runs one read-only query and nothing else', async () => {
		await expect(engine.queryRows('DROP TABLE telco_scored', 1)).rejects.toThrow(/one query/);
		await expect(engine.queryRows('SELECT 1; SELECT 2', 1)).rejects.toThrow(/one query/);
		await expect(engine.queryRows("SELECT * FROM read_csv('http://example.com/x.csv')", 1)).rejects.toThrow(/never reads or writes other hosts/);
		expect((await engine.queryRows('SELECT 1 AS a', 1)).rows).toEqual([[1]]);
	});
});
