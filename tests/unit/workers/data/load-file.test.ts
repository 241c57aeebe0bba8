import { beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine, MemoryStore } from '$workers/data';
import { bytesOf, load, newEngine } from './engine-fixture';

let engine: DataEngine;
let store: MemoryStore;

beforeAll(async () => {
	({ engine, store } = await newEngine());
});

async function rows(table: string) {
	return (await engine.page(table, 0, 100)).rows;
}

describe('loadFile: encodings and dialects', () => {
	it("loadFile(Latin-1 'René;Orléans') decodes é as Windows-1252", async () => {
		const report = await load(engine, 'villes.csv', Buffer.from('nom;ville\nRené;Orléans\n', 'latin1'), 'villes');
		expect(report.detected).toMatchObject({ delimiter: ';', encoding: 'windows-1252', bom: false });
		expect(report.warnings.join(' ')).toContain('decoded as Windows-1252 (Latin-1)');
		expect(await rows('villes')).toEqual([['René', 'Orléans']]);
	});

	it('loadFile(Windows-1252 € and curly quotes) keeps them', async () => {
		const bytes = Uint8Array.from([...Buffer.from('prix;note\n5 '), 0x80, ...Buffer.from(';'), 0x93, 0x6f, 0x6b, 0x94, 0x0a]);
		// Kept as text: otherwise "5 €" reads as the number 5 (see numbers-as-text.test.ts).
		await load(engine, 'euro.csv', bytes, 'euro', { columnTypes: { prix: 'text' } });
		expect(await rows('euro')).toEqual([['5 €', '“ok”']]);
	});

	it("loadFile(';' with decimal commas) makes DOUBLE 1.5", async () => {
		const report = await load(engine, 'fr.csv', 'client;montant;ville\nA;1,5;Paris\nB;2,25;Lyon\nC;10;Nice\n', 'fr');
		expect(report.detected).toMatchObject({ delimiter: ';', decimal: ',' });
		expect(report.columns.find((c) => c.name === 'montant')?.type).toBe('DOUBLE');
		expect((await rows('fr')).map((r) => r[1])).toEqual([1.5, 2.25, 10]);
	});

	it('loadFile(decimal forced to ",") overrides the sniffer', async () => {
		const report = await load(engine, 'one.csv', 'a;b\n1,5;x\n', 'one_forced', { decimal: ',' });
		expect(report.detected!.decimal).toBe(',');
		expect((await rows('one_forced'))[0][0]).toBe(1.5);
	});

	it('loadFile(UTF-8 with BOM) strips it from the first column name', async () => {
		const report = await load(engine, 'bom.csv', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('id,name\n1,Zoé\n')]), 'bom');
		expect(report.detected).toMatchObject({ encoding: 'utf-8', bom: true });
		expect(report.columns.map((c) => c.name)).toEqual(['id', 'name']);
		expect(await rows('bom')).toEqual([[1, 'Zoé']]);
	});

	it('loadFile(TSV with quoted tabs and newlines) keeps the fields whole', async () => {
		const report = await load(engine, 'notes.tsv', 'id\tnote\n1\t"a\tb"\n2\t"line1\nline2"\n', 'notes');
		expect(report.detected!.delimiter).toBe('\t');
		expect(await rows('notes')).toEqual([[1, 'a\tb'], [2, 'line1\nline2']]);
	});

	it('loadFile(Yes/No column) keeps the text as written', async () => {
		const report = await load(engine, 'yn.csv', 'id,churn\n1,Yes\n2,No\n', 'yn');
		expect(report.columns.find((c) => c.name === 'churn')?.type).toBe('VARCHAR');
		expect((await rows('yn')).map((r) => r[1])).toEqual(['Yes', 'No']);
	});

	it('loadFile(text value after 30,000 numbers) still loads every row', async () => {
		const csv = 'code,n\n' + Array.from({ length: 30_000 }, (_, i) => `${i},${i}`).join('\n') + '\nAB-12,1\n';
		const report = await load(engine, 'late.csv', csv, 'late');
		expect(report.rowCount).toBe(30_001);
		expect(report.columns.find((c) => c.name === 'code')?.type).toBe('VARCHAR');
	});
});

describe('loadFile: bad files', () => {
	it.each([
		['0 bytes', ''],
		['whitespace only', ' \n\r\n\t '],
		['a BOM only', '\ufeff']
	])('loadFile(%s) says the file is empty', async (_, content) => {
		await expect(load(engine, 'blank.csv', content, 'blank')).rejects.toThrow('The file "blank.csv" is empty.');
		expect(await engine.listRelations()).not.toContain('blank');
	});

	it('loadFile(header only) creates an empty table with those columns', async () => {
		const report = await load(engine, 'head.csv', 'id;name;city\n', 'head');
		expect(report.rowCount).toBe(0);
		expect(report.columns.map((c) => c.name)).toEqual(['id', 'name', 'city']);
		expect(report.warnings).toContain('The file "head.csv" has only a header row, no data rows.');
	});

	it('loadFile(ragged rows) pads short rows, leaves long ones out, and lists their lines', async () => {
		const report = await load(engine, 'ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n13,14\n', 'ragged');
		expect(await rows('ragged')).toEqual([[1, 2, 3], [4, 5, null], [10, 11, 12], [13, 14, null]]);
		expect(report.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
		expect(report.warnings).toEqual([
			'2 rows had fewer fields than the header (lines 3, 6); the missing fields are empty.',
			'1 row could not be read and was left out: line 4 (more fields than the header).'
		]);
	});

	it('loadFile(ragged, longest row last) keeps the first line as the header', async () => {
		const report = await load(engine, 'ragged_end.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n', 'ragged_end');
		expect(report.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
		expect(await rows('ragged_end')).toEqual([[1, 2, 3], [4, 5, null]]);
		expect(report.warnings).toEqual([
			'1 row had fewer fields than the header (line 3); the missing fields are empty.',
			'1 row could not be read and was left out: line 4 (more fields than the header).'
		]);
	});

	it('loadFile(ragged row whose value does not fit) leaves that row out and says so: no row lost silently', async () => {
		const report = await load(engine, 'ragged_cast.csv', 'a,b,c\n1,2,3\n"x,y",z\n4,5,6\n7\n', 'ragged_cast');
		// 4 data rows in the file: 3 in the table, 1 named as left out.
		expect(await rows('ragged_cast')).toEqual([[1, 2, 3], [4, 5, 6], [7, null, null]]);
		expect(report.warnings).toEqual([
			'1 row had fewer fields than the header (line 5); the missing fields are empty.',
			'1 row could not be read and was left out: line 3 (fewer fields than the header, and a value does not fit column "a", which holds whole numbers).'
		]);
	});

	it('loadFile(ragged, text in a full row, quoted line breaks, CRLF) keeps that row and names file lines', async () => {
		const csv = 'a,b,c\r\n1,"x\r\ny",3\r\n\r\n4,5\r\n6,7,8,9\r\nq,1,2\r\n';
		const report = await load(engine, 'ragged_lines.csv', csv, 'ragged_lines');
		expect(await rows('ragged_lines')).toEqual([['1', 'x\r\ny', 3], ['4', '5', null], ['q', '1', 2]]);
		expect(report.warnings).toEqual([
			'1 row had fewer fields than the header (line 5); the missing fields are empty.',
			'1 row could not be read and was left out: line 6 (more fields than the header).'
		]);
	});

	it('loadFile(many long rows) lists ten lines and counts the rest', async () => {
		const csv = 'a,b\n' + Array.from({ length: 14 }, (_, i) => `${i},${i},${i}`).join('\n') + '\n1,2\n';
		const report = await load(engine, 'wide.csv', csv, 'wide');
		expect(report.rowCount).toBe(1);
		expect(report.warnings).toEqual(['14 rows could not be read and were left out: lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 4 more (more fields than the header).']);
	});

	it('loadFile(id,name,name,Name and an empty name) renames the repeats and says how', async () => {
		const report = await load(engine, 'dup.csv', 'id,name,name,Name,\n1,a,b,c,d\n', 'dup');
		expect(report.columns.map((c) => c.name)).toEqual(['id', 'name', 'name_1', 'Name_2', 'column4']);
		expect(report.warnings).toEqual([
			'Column names must be unique (ignoring case) and not empty, so some were renamed: "name" (column 3) is now "name_1", "Name" (column 4) is now "Name_2", column 5 had no name and is now "column4".'
		]);
	});

	it.each([
		['x.ndjson', '{"id":1,"churn":"No"}\n{"id":2,"churn":"Yes"}\n', 2, ['id', 'churn']],
		['x.json', '[\n  {"id": 1, "churn": "No"}\n]\n', 1, ['id', 'churn']],
		['export.csv', '[{"id":1},{"id":2}]', 2, ['id']],
		['records.txt', '{"id":1}\n', 1, ['id']]
	])('loadFile(%s) reads JSON records as a table, not as one CSV column', async (fileName, content, rows, columns) => {
		const report = await load(engine, fileName, content, 'json');
		expect(report.format).toBe('json');
		expect(report.rowCount).toBe(rows);
		expect(report.columns.map((c) => c.name)).toEqual(columns);
	});

	it('loadFile(a .jsonl file holding CSV) is refused in words, and no table is made', async () => {
		await expect(load(engine, 'x.jsonl', 'id,churn\n1,No\n', 'not_json')).rejects.toThrow(/x\.jsonl/);
		expect(await engine.listRelations()).not.toContain('not_json');
	});

	it('loadFile(header like [id],[name]) is still CSV', async () => {
		const report = await load(engine, 'brackets.csv', '[id],[name]\n1,a\n', 'brackets');
		expect(report.rowCount).toBe(1);
	});

	it.each([
		['unquoted', 'x'.repeat(3_100_000)],
		['quoted, over many lines', `"${'x\n'.repeat(1_550_000)}"`]
	])('loadFile(a %s field of 3.1 MB) says which line and why', async (_, field) => {
		const csv = `id,note\n1,a\n2,b\n3,${field}\n4,d\n`;
		await expect(load(engine, 'long.csv', csv, 'long')).rejects.toThrow(
			'Could not read "long.csv": line 4 has a field of 3.1 MB, longer than the 2 MB a row may hold.'
		);
	});

	it('loadFile(a field just under 2 MB) reads it whole', async () => {
		const report = await load(engine, 'big_note.csv', `id,note\n1,${'x'.repeat(1_999_000)}\n2,b\n`, 'big_note');
		expect(report.rowCount).toBe(2);
		expect(report.warnings).toEqual([]);
	});

	it.each([
		['a broken xlsx (PK zip)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], '"fake.csv" is an incomplete ZIP file'],
		['a PDF', [...Buffer.from('%PDF-1.7\n')], 'This looks like a PDF document'],
		['a cut Parquet file', [...Buffer.from('PAR1'), 0x15, 0x04], 'fake.csv is incomplete: it starts like a Parquet file but its end is missing'],
		['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'This looks like a PNG image'],
		['a JPEG', [0xff, 0xd8, 0xff, 0xe0], 'This looks like a JPEG image'],
		['NUL bytes', [...Buffer.from('a,b\n1,'), 0, 0, 0x0a], 'contains binary data (NUL bytes)']
	])('loadFile(%s renamed .csv) throws a specific error', async (_, bytes, message) => {
		await expect(load(engine, 'fake.csv', Uint8Array.from(bytes), 'fake')).rejects.toThrow(message);
		expect(await engine.listRelations()).not.toContain('fake');
		expect(await store.has('key:fake.csv')).toBe(false);
	});

	it.each([
		['near the end', 'a,b\n1,x\n2,"y\n3,z\n', 3],
		['after 20,000 good rows', 'a,b\n' + '1,x\n'.repeat(20_000) + '2,"y\n3,z\n', 20_002]
	])('loadFile(unclosed quote %s) names the line of the quote', async (_, csv, line) => {
		await expect(load(engine, 'quote.csv', csv, 'quote')).rejects.toThrow(
			`Could not read "quote.csv": unclosed quote near line ${line.toLocaleString('en-US')}: a quote (") opened there is never closed. Fix or remove that quote in the file and try again.`
		);
	});

	it('loadFile(bad file) over an existing table leaves that table as it was', async () => {
		await load(engine, 'keep.csv', 'x\n1\n2\n', 'keep');
		await expect(load(engine, 'keep.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), 'keep')).rejects.toThrow();
		expect((await engine.describe('keep')).rowCount).toBe(2);
	});
});

describe('loadFile: stored bytes', () => {
	it('loadFile without bytes re-imports the copy kept by the first load', async () => {
		await load(engine, 'kept.csv', 'id,v\n1,a\n2,b\n', 'kept');
		await engine.dropRelation('kept');
		expect(await engine.hasStoredFile('key:kept.csv')).toBe(true);
		const report = await engine.loadFile({ fileKey: 'key:kept.csv', fileName: 'kept.csv' }, 'kept', { delimiter: 'auto', decimal: 'auto', encoding: 'auto' });
		expect(report.rowCount).toBe(2);
	});

	it('loadFile without bytes for an unknown key says to drop the file again', async () => {
		const source = { fileKey: 'missing', fileName: 'gone.csv' };
		await expect(engine.loadFile(source, 'gone', { delimiter: 'auto', decimal: 'auto', encoding: 'auto' })).rejects.toThrow(
			`The file "gone.csv" is no longer in this browser's storage; drop it again.`
		);
	});

	it('deleteStoredFile(key) forgets the bytes', async () => {
		await engine.loadFile({ fileKey: 'del', fileName: 'd.csv', bytes: bytesOf('a\n1\n') }, 'd', { delimiter: 'auto', decimal: 'auto', encoding: 'auto' });
		await engine.deleteStoredFile('del');
		expect(await engine.hasStoredFile('del')).toBe(false);
	});

	it('storedFiles() lists each kept file with its size, and forgets a deleted one', async () => {
		await engine.loadFile({ fileKey: 'sized', fileName: 's.csv', bytes: bytesOf('a,b\n1,2\n') }, 's', { delimiter: 'auto', decimal: 'auto', encoding: 'auto' });
		expect(await engine.storedFiles()).toContainEqual({ key: 'sized', bytes: 8 });
		await engine.deleteStoredFile('sized');
		expect((await engine.storedFiles()).map((f) => f.key)).not.toContain('sized');
	});
});
