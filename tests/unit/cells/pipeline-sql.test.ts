import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { exportPipelineSql, pipelineCells, pipelineSql } from '$lib/cells/pipeline-sql';
import { newCell } from '$lib/cells/definitions';
import { churnDemoCells } from '$lib/cells/demo';
import type { NotebookCell } from '$lib/notebook';
import type { DataEngine } from '$workers/data';
import { pipelineLoadSql } from '$workers/data/pipeline-load';
import { bytesOf, newEngine } from '../workers/data/engine-fixture';

const data = (table: string, fileName = `${table}.csv`, options = {}) =>
	newCell('data', { fileKey: `key:${fileName}`, fileName, table, ...(Object.keys(options).length ? { options: { delimiter: 'auto', decimal: 'auto', encoding: 'auto', ...options } } : {}) });
const sql = (view: string, text: string) => newCell('sql', { view, sql: text });

describe('pipelineCells(cells, table)', () => {
	const customers = data('customers');
	const orders = data('orders');
	const products = data('products');
	const scored = sql('scored_input', 'SELECT a.*, o.n FROM active a JOIN (SELECT customer_id, count(*) n FROM orders GROUP BY 1) o USING (customer_id)');
	const active = sql('active', "SELECT * FROM customers WHERE status = 'active'");
	const stats = sql('order_stats', 'SELECT count(*) FROM orders');
	const cells: NotebookCell[] = [newCell('markdown', { text: '# x' }), scored, stats, products, active, customers, orders, newCell('chart', { relation: 'scored_input' })];

	it('keeps only what the table depends on, writers before readers', () => {
		expect(pipelineCells(cells, 'scored_input').map((c) => c.id)).toEqual([customers.id, orders.id, active.id, scored.id]);
		expect(pipelineCells(cells, 'ACTIVE').map((c) => c.id)).toEqual([customers.id, active.id]);
	});

	it('pipelineSql(cells, "scored_input") writes each step once, in order, with a header', () => {
		const text = pipelineSql(cells, 'scored_input');
		expect(text.startsWith('-- pipeline.sql')).toBe(true);
		expect(text).toContain('duckdb my.db < pipeline.sql');
		const at = (s: string) => text.indexOf(s);
		expect(at('CREATE OR REPLACE TABLE "customers"')).toBeGreaterThan(0);
		expect(at('CREATE OR REPLACE TABLE "customers"')).toBeLessThan(at('CREATE OR REPLACE TABLE "orders"'));
		expect(at('CREATE OR REPLACE TABLE "orders"')).toBeLessThan(at('CREATE OR REPLACE VIEW "active"'));
		expect(at('CREATE OR REPLACE VIEW "active"')).toBeLessThan(at('CREATE OR REPLACE VIEW "scored_input"'));
		expect(text.split('CREATE OR REPLACE VIEW "active"').length).toBe(2);
		expect(text).not.toContain('products');
		expect(text).not.toContain('order_stats');
		expect(text).toContain('NOT CHECKED'); // no load facts given: said so
	});

	it('pipelineSql(cells, "nowhere") throws; the export says where the table must come from', async () => {
		expect(() => pipelineSql(cells, 'nowhere')).toThrow('invalid table: nowhere');
		// The export button still gets a bundle: its SQL says where the table must come from.
		await expect(exportPipelineSql(cells, 'nowhere', async () => '')).resolves.toMatch(/^-- No cell of this notebook builds table nowhere/);
	});

	it('a SQL cell of several statements keeps them, the last as its view; a non-SQL writer is a comment', () => {
		const prep = sql('prepared', 'CREATE OR REPLACE TEMP TABLE tmp AS SELECT 1 AS x; -- note\nSUMMARIZE customers');
		const text = pipelineSql([customers, prep], 'prepared');
		expect(text).toContain('CREATE OR REPLACE TEMP TABLE tmp AS SELECT 1 AS x;\nCREATE OR REPLACE VIEW "prepared" AS\nSELECT * FROM (SUMMARIZE customers);');
		const rfm = newCell('rfm', { source: 'orders', outName: 'rfm_orders' });
		const best = sql('best', "SELECT * FROM rfm_orders WHERE segment = 'Champions'");
		const withRfm = pipelineSql([orders, rfm, best, customers], 'best');
		expect(withRfm).toMatch(/-- Cell "[^"]+" \(rfm\) writes rfm_orders: .*cannot rebuild it/);
		expect(withRfm.indexOf('TABLE "orders"')).toBeLessThan(withRfm.indexOf('(rfm)'));
		expect(withRfm.indexOf('(rfm)')).toBeLessThan(withRfm.indexOf('VIEW "best"'));
		expect(withRfm).not.toContain('"customers"');
	});
});

/** Native DuckDB over a temporary folder holding `files`: runs `script` there; rows of a relation as text, and its columns. */
async function runNative(files: Record<string, Uint8Array | string>, script: string, relation: string) {
	const dir = mkdtempSync(join(tmpdir(), 'crm-pipeline-'));
	try {
		for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
		writeFileSync(join(dir, 'pipeline.sql'), script);
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		await conn.run(`SET file_search_path = '${dir.replaceAll("'", "''")}'`);
		await conn.run(script);
		const columns = (await conn.runAndReadAll(`DESCRIBE "${relation}"`)).getRowObjectsJson().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
		const rows = (await conn.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM "${relation}"`)).getRowsJson();
		conn.closeSync();
		instance.closeSync();
		return { columns, rows };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The same from the workbench's engine. */
async function workbench(engine: DataEngine, relation: string) {
	const { columns } = await engine.describe(relation);
	const { rows } = await engine.queryRows(`SELECT COLUMNS(*)::VARCHAR FROM "${relation}"`, 1_000_000);
	return { columns, rows };
}

/** Runs `cells` in the workbench engine (data cells from `files`, SQL cells as views). */
async function runCells(engine: DataEngine, cells: NotebookCell[], files: Record<string, Uint8Array | string>) {
	for (const cell of cells) {
		const p = cell.params as Record<string, any>;
		if (cell.type === 'data') await engine.loadFile({ fileKey: p.fileKey, fileName: p.fileName, bytes: bytesOf(files[p.fileName]) }, p.table, p.options);
		if (cell.type === 'sql') await engine.runSql(p.sql, p.view);
	}
}

describe('exportPipelineSql: native DuckDB builds the workbench table', () => {
	let engine: DataEngine;
	beforeAll(async () => {
		({ engine } = await newEngine());
	});

	it('the churn demo plus a view over it', async () => {
		const file = readFileSync(join(import.meta.dirname, '../../../datasets/wa_churn.csv'));
		const cells = [
			...churnDemoCells('key:wa_churn.csv', 'wa_churn.csv'),
			sql('loyal_fibre', "SELECT * EXCLUDE (paperless_billing), total_charges / nullif(tenure, 0) AS per_month\nFROM wa_churn WHERE internet_service = 'Fiber optic' AND tenure > 12"),
			sql('unrelated', 'SELECT 1 AS x')
		];
		const files = { 'wa_churn.csv': file };
		await runCells(engine, cells, files);
		const script = await exportPipelineSql(cells, 'loyal_fibre', (s) => pipelineLoadSql(engine, s));
		expect(script).not.toContain('churn_by_contract');
		expect(script).not.toContain('unrelated');
		for (const relation of ['wa_churn', 'loyal_fibre']) {
			const native = await runNative(files, script, relation);
			const ours = await workbench(engine, relation);
			expect(native.columns).toEqual(ours.columns);
			expect(native.rows.length).toBe(ours.rows.length);
			expect(native.rows).toEqual(ours.rows);
		}
		expect((await workbench(engine, 'wa_churn')).rows.length).toBe(7043);
	});

	it('a CSV of numbers stored as text, blank cells, dates and chosen types', async () => {
		const csv = [
			'id;amount;rate;price;total;label;joined;code;visits;active',
			'1;1 234,50;12,5 %;€ 3,20;10;gold;31/12/2023;01234;3;Yes',
			'2;N/A;7 %;€ 12;" ";  ;01/02/2024;00042; 4 ;No',
			'3;12 000;N/A;(€ 1,50);7,5;silver;15/03/2024;75001;;Yes',
			'4; ;0,5 %;n.d.;;" ";28/02/2024;13008;x;No',
			'5;-2 500,75;100 %;€ 0,99;12;bronze;;02000;12;Yes'
		].join('\n');
		const cells = [data('clients', 'clients.csv', { columnTypes: { code: 'text', visits: 'integer' } }), sql('clients_view', 'SELECT * FROM clients WHERE id > 1')];
		const files = { 'clients.csv': csv };
		await runCells(engine, cells, files);
		const loaded = await workbench(engine, 'clients');
		// The workbench did convert them (the case is worth testing).
		expect(Object.fromEntries(loaded.columns.map((c) => [c.name, c.type]))).toMatchObject({ amount: 'DOUBLE', rate: 'DOUBLE', price: 'DOUBLE', total: 'DOUBLE', code: 'VARCHAR', visits: 'BIGINT' });
		const script = await exportPipelineSql(cells, 'clients_view', (s) => pipelineLoadSql(engine, s));
		for (const relation of ['clients', 'clients_view']) {
			const native = await runNative(files, script, relation);
			const ours = await workbench(engine, relation);
			expect(native.columns).toEqual(ours.columns);
			expect(native.rows).toEqual(ours.rows);
		}
	});

	it('a Windows-1252 CSV with a short and a long row', async () => {
		const text = 'nom,ville,montant\nRenée,Orléans,"1,5"\nZoé,Sète\nNoël,Brive,3,extra\nAnaïs,Nîmes,4\n';
		const bytes = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0))); // these accents are the same bytes in Windows-1252 and latin-1
		const cells = [data('villes', 'villes.csv')];
		const files = { 'villes.csv': bytes };
		await runCells(engine, cells, files);
		const script = await exportPipelineSql(cells, 'villes', (s) => pipelineLoadSql(engine, s));
		expect(script).toContain("encoding='latin-1'");
		const native = await runNative(files, script, 'villes');
		const ours = await workbench(engine, 'villes');
		expect(native.columns).toEqual(ours.columns);
		expect(native.rows).toEqual(ours.rows);
	});
});
