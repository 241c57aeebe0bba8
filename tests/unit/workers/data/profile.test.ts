import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnProfile, DataEngine, TableProfile } from '$workers/data';
import { load, newEngine } from './engine-fixture';

let engine: DataEngine;
let profile: TableProfile;
const col = (name: string): ColumnProfile => profile.columns.find((c) => c.name === name)!;

beforeAll(async () => {
	({ engine } = await newEngine());
	// 10 customers: spend has one outlier (1000), promo is constant, notes mostly missing, row 10 repeats row 9.
	const lines = ['customer,spend,visits,promo,notes,empty,plan,churned'];
	const spend = [10, 12, 11, 13, 12, 14, 11, 12, 1000, 1000];
	for (let i = 0; i < 10; i++) {
		const id = i === 9 ? 'c9' : `c${i + 1}`;
		lines.push(`${id},${spend[i]},${i === 9 ? 9 : i + 1},A,${i < 2 ? 'vip' : ''},,${['basic', 'pro', 'max'][i % 3]},${i % 2 ? 'Yes' : 'No'}`);
	}
	lines[10] = lines[9];
	await load(engine, 'customers.csv', lines.join('\n') + '\n', 'customers');
	const stages: string[] = [];
	profile = await engine.profile('customers', (p) => stages.push(p.stage));
	expect(stages).toContain('Correlations');
});

describe('profile', () => {
	it('profile(customers) counts rows and duplicated rows', () => {
		expect(profile.rowCount).toBe(10);
		expect(profile.duplicateRows).toBe(1);
	});

	it('profile(customers) summarises numbers with IQR outliers and a 20-bin histogram', () => {
		const spend = col('spend');
		expect(spend.kind).toBe('numeric');
		expect(spend.numeric).toMatchObject({ min: 10, max: 1000, median: 12 });
		expect(spend.numeric?.outliers).toBe(2);
		expect(spend.histogram).toHaveLength(20);
		expect(spend.histogram?.reduce((s, b) => s + b.count, 0)).toBe(10);
		expect(spend.histogram?.[19]).toMatchObject({ x1: 1000, count: 2 });
	});

	it('profile(customers) flags constant, missing and target-like columns', () => {
		expect(col('promo').flags).toContain('constant');
		expect(col('notes')).toMatchObject({ missing: 8, missingPct: 80 });
		expect(col('notes').flags).toContain('mostly-missing');
		expect(col('empty').flags).toEqual(expect.arrayContaining(['all-missing', 'mostly-missing', 'constant']));
		expect(col('churned').flags).toContain('target-like');
		expect(col('churned').topValues).toEqual([{ value: 'No', count: 6 }, { value: 'Yes', count: 4 }]);
		expect(col('plan').topValues?.[0]).toEqual({ value: 'max', count: 4 });
	});

	it('profile(customers) flags id-like only when every row has its own value', () => {
		expect(col('customer').flags).not.toContain('id-like'); // c9 twice
		expect(col('customer').distinct).toBe(9);
	});

	it('profile(customers) correlates numeric columns', () => {
		const { columns, matrix } = profile.correlation;
		expect(columns).toEqual(['spend', 'visits']);
		expect(matrix[0][0]).toBe(1);
		expect(matrix[0][1]).toBeGreaterThan(0.5);
		expect(matrix[0][1]).toBe(matrix[1][0]);
	});

	it('profile(table with unique ids) flags id-like', async () => {
		await engine.runSql('SELECT range AS account_id FROM range(5)', 'ids');
		const p = await engine.profile('ids');
		expect(p.columns[0].flags).toContain('id-like');
	});
});
