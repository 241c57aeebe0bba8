import { beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine } from '$workers/data';
import { load, newEngine } from './engine-fixture';

let engine: DataEngine;

beforeAll(async () => {
	({ engine } = await newEngine());
	await load(
		engine,
		'customers.csv',
		[
			'customer,note,mrr,balance_text',
			'c1,"=HYPERLINK(""http://x"",""y"")",10.5,-12.5',
			"c2,=cmd|' /C calc'!A0,-3,+33",
			'c3,@SUM(A1:A2),0,-1e3',
			'c4,+1+2,7,- 5',
			'c5,plain text,8,12',
			'c6,-abc,9,'
		].join('\n') + '\n',
		'customers'
	);
});

const csvOf = async (relation: string) => new TextDecoder().decode(await engine.exportCsv(relation));

describe('exportCsv (semicolon dialect, for French Excel)', () => {
	it('separates fields with ; and writes numbers with a decimal comma; text keeps its commas, quoted', async () => {
		await engine.runSql(`SELECT * FROM (VALUES ('Dupont, Marie', 1234.5::DOUBLE, 3), ('Ben Ali', -0.25, 10)) t(client, montant, achats)`, 'fr_amounts');
		const lines = new TextDecoder().decode(await engine.exportCsv('fr_amounts', 'semicolon')).replace(/^\uFEFF/, '').trimEnd().split('\n');
		expect(lines).toEqual(['client;montant;achats', 'Dupont, Marie;1234,5;3', 'Ben Ali;-0,25;10']);
	});
});

describe('exportCsv (formula injection)', () => {
	it('exportCsv(customers) prefixes formula-like text with a quote and leaves numbers alone', async () => {
		const lines = (await csvOf('customers')).trimEnd().split('\n');
		expect(lines).toEqual([
			'customer,note,mrr,balance_text',
			`c1,"'=HYPERLINK(""http://x"",""y"")",10.5,-12.5`,
			"c2,'=cmd|' /C calc'!A0,-3.0,+33",
			"c3,'@SUM(A1:A2),0.0,-1e3",
			"c4,'+1+2,7.0,'- 5",
			'c5,plain text,8.0,12',
			"c6,'-abc,9.0,"
		]);
	});

	it('exportCsv(view with tab and carriage-return values) neutralises them too', async () => {
		await engine.runSql(`SELECT chr(9) || 'tabbed' AS a, chr(13) || 'cr' AS b, -4 AS n`, 'odd');
		const [, row] = (await csvOf('odd')).split('\n');
		expect(row).toBe(`'\ttabbed,"'\rcr",-4`);
	});
});

describe('exportCsv (encoding)', () => {
	it('exportCsv(customers) starts with a UTF-8 byte-order mark so spreadsheets read accents right', async () => {
		await load(engine, 'accents.csv', 'nom,statut\nRené,résilié\n', 'accents');
		const bytes = await engine.exportCsv('accents');
		expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFnom,statut\nRené,résilié\n');
	});
});
