import { describe, expect, it } from 'vitest';
import { appendEntry, emptyNotebook, emptyRecord, lastSignature, parseNotebook, readRecord, recordStep, serializeNotebook, type ProcessingEntry } from '$lib/notebook';
import { cellSchemas } from '$lib/cells/definitions';

const step = (over: Partial<ProcessingEntry> = {}): ProcessingEntry => ({
	at: '2026-12-07T09:00:00.000Z',
	kind: 'dataset',
	cellId: 'c1',
	subject: 'customers.csv',
	summary: 'Loads customers.csv into table customers.',
	writes: [{ name: 'customers', rows: 500, columns: ['id', 'email'], personal: [{ column: 'email', kind: 'email' }] }],
	file: { name: 'customers.csv', bytes: 1234 },
	signature: 'A',
	...over
});

describe('record of processing', () => {
	it('appendEntry adds a step and leaves its input as it was', () => {
		const before = emptyRecord();
		const after = appendEntry(before, step());
		expect(after.entries).toHaveLength(1);
		expect(before.entries).toHaveLength(0);
	});

	it('a re-run with the same signature is not recorded again; a changed one is', () => {
		const once = appendEntry(emptyRecord(), step());
		expect(appendEntry(once, step({ at: '2026-12-07T10:00:00.000Z' }))).toBe(once);
		expect(appendEntry(once, step({ signature: 'B' })).entries).toHaveLength(2);
	});

	it('the same signature from another cell or of another kind is a new step', () => {
		const once = appendEntry(emptyRecord(), step());
		expect(appendEntry(once, step({ cellId: 'c2' })).entries).toHaveLength(2);
		expect(appendEntry(once, step({ kind: 'transformation' })).entries).toHaveLength(2);
	});

	it('only the last step of the cell counts: going back to earlier settings is recorded', () => {
		let r = appendEntry(emptyRecord(), step({ signature: 'A' }));
		r = appendEntry(r, step({ signature: 'B' }));
		expect(appendEntry(r, step({ signature: 'A' })).entries.map((e) => e.signature)).toEqual(['A', 'B', 'A']);
		expect(lastSignature(r, 'c1', 'dataset')).toBe('B');
		expect(lastSignature(r, 'c9', 'dataset')).toBe('');
	});

	it('force records a model fitted again with the same settings; exports and imports (no cell) always count', () => {
		const fitted = appendEntry(emptyRecord(), step({ kind: 'model' }));
		expect(appendEntry(fitted, step({ kind: 'model' }), true).entries).toHaveLength(2);
		const saved = step({ kind: 'export', cellId: '', signature: 'f.csv:10' });
		expect(appendEntry(appendEntry(emptyRecord(), saved), saved).entries).toHaveLength(2);
	});

	it('beyond the limit the oldest steps go and are counted', () => {
		let r = emptyRecord();
		for (let i = 0; i < 7; i++) r = appendEntry(r, step({ signature: String(i) }), false, 5);
		expect(r.entries.map((e) => e.signature)).toEqual(['2', '3', '4', '5', '6']);
		expect(r.dropped).toBe(2);
	});

	it('recordStep returns the same document when nothing is added (so nothing is saved)', () => {
		const doc = recordStep(emptyNotebook('Study', 'nb_1'), step());
		expect(recordStep(doc, step())).toBe(doc);
		expect(recordStep(doc, step({ signature: 'B' })).record?.entries).toHaveLength(2);
	});

	it('a notebook file carries its record; a file without one has none', () => {
		const doc = recordStep(emptyNotebook('Study', 'nb_1'), step());
		expect(parseNotebook(serializeNotebook(doc), cellSchemas).doc.record).toEqual(doc.record);
		expect(parseNotebook(serializeNotebook(emptyNotebook('Old', 'nb_2')), cellSchemas).doc.record).toBeUndefined();
	});

	it('unreadable steps are left out with a note; the notebook still opens', () => {
		const file = JSON.parse(serializeNotebook(recordStep(emptyNotebook('Study', 'nb_1'), step())));
		file.record.entries.push({ at: 'yesterday', kind: 'dataset' }, { ...step(), kind: 'teleport' }, 'text');
		const { doc, notes } = parseNotebook(JSON.stringify(file), cellSchemas);
		expect(doc.record?.entries).toHaveLength(1);
		expect(notes.join(' ')).toMatch(/3 steps of the record of processing could not be read/);
	});

	it('readRecord keeps every field of a valid step, and drops personal entries that are not column/kind pairs', () => {
		const raw = { entries: [{ ...step(), code: 'SELECT 1', reads: ['a'], writes: [{ name: 't', rows: 1, columns: ['x'], personal: [{ column: 'x', kind: 'email' }, { column: 3 }] }] }], dropped: 4 };
		const { record, unreadable } = readRecord(raw);
		expect(unreadable).toBe(0);
		expect(record.dropped).toBe(4);
		expect(record.entries[0]).toEqual({ ...step(), code: 'SELECT 1', reads: ['a'], writes: [{ name: 't', rows: 1, columns: ['x'], personal: [{ column: 'x', kind: 'email' }] }] });
		expect(readRecord('nonsense')).toEqual({ record: emptyRecord(), unreadable: 1 });
	});
});

describe('withoutSecrets', () => {
	it('empties the pseudonymisation key of a notebook written to a plain file, and nothing else', async () => {
		const { withoutSecrets } = await import('$lib/notebook');
		const { newCell } = await import('$lib/cells/definitions');
		const privacy = newCell('privacy', { source: 'clients', outName: 'clients_pseudo', secret: 'ab'.repeat(32) });
		const sql = newCell('sql', { sql: 'SELECT 1' });
		const doc = { ...emptyNotebook('Study', 'nb_1'), cells: [privacy, sql] };
		const plain = withoutSecrets(doc, cellSchemas);
		expect(plain.cells[0].params).toEqual({ ...privacy.params, secret: '' });
		expect(plain.cells[1]).toBe(sql);
		expect(doc.cells[0].params.secret).toBe('ab'.repeat(32)); // the open notebook keeps it
	});
});
