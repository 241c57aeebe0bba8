import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CSV_OPTIONS, type DataEngine, type TableProfile } from '$workers/data';
import { newEngine } from './engine-fixture';

let engine: DataEngine;
let profile: TableProfile;
const churnBytes = () => new Uint8Array(readFileSync('datasets/wa_churn.csv')).buffer;

beforeAll(async () => {
	({ engine } = await newEngine());
});

describe('DataEngine on datasets/wa_churn.csv', () => {
	it('init() is idempotent and reports the DuckDB version', async () => {
		const [a, b] = await Promise.all([engine.init(), engine.init()]);
		expect(a.duckdbVersion).toMatch(/^v1\.4/);
		expect(b).toEqual(a);
	});

	it('loadFile(wa_churn.csv) creates a 7043 x 20 table and reports progress', async () => {
		const stages: string[] = [];
		const source = { fileKey: 'wa', fileName: 'wa_churn.csv', bytes: churnBytes() };
		const report = await engine.loadFile(source, 'wa_churn', DEFAULT_CSV_OPTIONS, (p) => stages.push(p.stage));
		expect(report).toMatchObject({ name: 'wa_churn', rowCount: 7043, fileName: 'wa_churn.csv', warnings: [] });
		expect(report.columns).toHaveLength(20);
		expect(report.columns.find((c) => c.name === 'total_charges')?.type).toBe('DOUBLE');
		expect(report.columns.find((c) => c.name === 'churn')?.type).toBe('VARCHAR'); // "Yes"/"No" as written
		expect(report.detected).toEqual({ delimiter: ',', decimal: '.', encoding: 'utf-8', bom: false });
		expect(stages).toEqual(expect.arrayContaining(['Reading file', 'Checking encoding', 'Detecting format', 'Importing into DuckDB', 'Counting rows']));
	});

	it('profile(wa_churn) finds the 11 missing total_charges and sane tenure numbers', async () => {
		profile = await engine.profile('wa_churn');
		const col = (n: string) => profile.columns.find((c) => c.name === n)!;
		expect(profile.rowCount).toBe(7043);
		expect(col('total_charges').missing).toBe(11);
		expect(col('tenure').numeric).toMatchObject({ min: 0, max: 72 });
		expect(col('tenure').numeric!.median).toBeGreaterThan(20);
		expect(col('tenure').numeric!.median).toBeLessThan(40);
		expect(col('monthly_charges').histogram?.reduce((s, b) => s + b.count, 0)).toBe(7043);
	});

	it('profile(wa_churn) flags churn as target-like with Yes/No top values', () => {
		const churn = profile.columns.find((c) => c.name === 'churn')!;
		expect(churn.flags).toContain('target-like');
		expect(churn.topValues?.map((v) => v.value)).toEqual(['No', 'Yes']);
		expect(profile.correlation.columns).toContain('tenure');
		const i = profile.correlation.columns.indexOf('tenure');
		const j = profile.correlation.columns.indexOf('total_charges');
		expect(profile.correlation.matrix[i][j]).toBeGreaterThan(0.7); // longer customers paid more in total
	});
});

describe('profile(wa_churn): flags that mean something', () => {
	const col = (n: string) => profile.columns.find((c) => c.name === n)!;

	it('flags only churn as target-like, not the 0/1 and Yes/No feature columns', () => {
		const targets = profile.columns.filter((c) => c.flags.includes('target-like')).map((c) => c.name);
		expect(targets).toEqual(['churn']);
		for (const name of ['female', 'senior_citizen', 'partner', 'dependents', 'phone_service', 'paperless_billing']) {
			expect(col(name).distinct).toBe(2);
			expect(col(name).flags).not.toContain('target-like');
		}
	});

	it('reports no outliers on 0/1 columns (senior_citizen had 1,142 "outliers")', () => {
		for (const name of ['female', 'senior_citizen', 'partner', 'dependents', 'phone_service', 'paperless_billing']) {
			expect(col(name).numeric?.outliers).toBe(0);
		}
		expect(col('senior_citizen').numeric).toMatchObject({ q1: 0, q3: 0, max: 1 });
	});
});
