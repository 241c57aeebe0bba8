import { describe, expect, it } from 'vitest';
import { emptyNotebook, NOTEBOOK_VERSION, parseNotebook, readStoredNotebook, serializeNotebook, type DocumentFormat, type Notebook } from '$lib/notebook';
import { cellSchemas, CELL_DEFINITIONS } from '$lib/cells/definitions';

function sample(): Notebook {
	const doc = emptyNotebook('Churn study', 'nb_test');
	const types = Object.keys(CELL_DEFINITIONS) as (keyof typeof CELL_DEFINITIONS)[];
	doc.cells = types.map((type, i) => ({
		id: `c${i}`,
		type,
		title: `cell ${i}`,
		collapsed: i % 2 === 0,
		params: { ...CELL_DEFINITIONS[type].defaults() }
	}));
	return doc;
}

type FileCell = { type: string; params: Record<string, unknown> };
const cellOf = (file: Record<string, unknown>, type: string) => (file.cells as FileCell[]).find((c) => c.type === type)!;

function withChange(change: (file: Record<string, unknown>) => void): string {
	const file = JSON.parse(serializeNotebook(sample()));
	change(file);
	return JSON.stringify(file);
}

describe('notebook files', () => {
	it('parseNotebook(serializeNotebook(doc)) round-trips every cell type', () => {
		const doc = sample();
		expect(parseNotebook(serializeNotebook(doc), cellSchemas)).toEqual({ doc, notes: [] });
	});

	it('serializeNotebook(doc) is plain JSON that survives structuredClone', () => {
		const doc = sample();
		expect(structuredClone(doc)).toEqual(doc);
		expect(JSON.parse(serializeNotebook(doc)).version).toBe(NOTEBOOK_VERSION);
	});

	it.each([
		['not JSON', '{"cells": [', 'not valid JSON'],
		['another JSON file', '{"name": "package"}', 'not a CRM Workbench notebook'],
		['a newer version', withChange((f) => (f.version = NOTEBOOK_VERSION + 1)), 'newer version'],
		['no version', withChange((f) => delete f.version), 'no valid version'],
		['cells not a list', withChange((f) => (f.cells = {})), 'no list of cells'],
		['an unknown cell type', withChange((f) => ((f.cells as { type: string }[])[0].type = 'spreadsheet')), 'unknown cell type "spreadsheet"'],
		['a cell without id', withChange((f) => delete (f.cells as { id?: string }[])[1].id), 'cell 2 has no id'],
		['bad params', withChange((f) => ((f.cells as { params: unknown }[])[0].params = { text: 3 })), 'cell 1 (markdown): invalid text: 3'],
		['a number out of range', withChange((f) => (cellOf(f, 'segments').params.minK = 1)), 'invalid minK: 1'],
		['a model kind this version lacks', withChange((f) => (cellOf(f, 'text').params.models = ['lexicon', 'gpt'])), 'invalid models: ["lexicon","gpt"]'],
		['an invalid chart type', withChange((f) => (cellOf(f, 'chart').params.mark = 'pie')), 'invalid chart type: pie'],
		['duplicate ids', withChange((f) => ((f.cells as { id: string }[])[1].id = 'c0')), 'two cells share an id']
	])('parseNotebook refuses %s with a clear message', (_case, text, message) => {
		expect(() => parseNotebook(text, cellSchemas)).toThrow(message);
	});
});

describe('params read against their cell type\'s schema', () => {
	it('parseNotebook(file saved before a parameter existed) fills it from the defaults', () => {
		const churn = sample().cells.find((c) => c.type === 'churn')!;
		const file = withChange((f) => {
			delete cellOf(f, 'churn').params.reasonsKey;
			delete cellOf(f, 'chart').params.facet;
		});
		const { doc, notes } = parseNotebook(file, cellSchemas);
		expect(doc.cells.find((c) => c.type === 'churn')!.params).toEqual(churn.params);
		expect(doc.cells.find((c) => c.type === 'chart')!.params.facet).toBeNull();
		expect(notes).toEqual([]);
	});

	it('parseNotebook(file with params this version does not know) drops them with a note', () => {
		const file = withChange((f) => {
			Object.assign(cellOf(f, 'sql').params, { engine: 'spark', cache: true });
			cellOf(f, 'profile').params.sample = 0.1;
		});
		const { doc, notes } = parseNotebook(file, cellSchemas);
		expect(doc.cells.find((c) => c.type === 'sql')!.params).toEqual({ sql: '', view: '' });
		expect(doc.cells.find((c) => c.type === 'profile')!.params).toEqual({ table: '' });
		expect(notes).toEqual([
			'In cell 3 (sql), the settings "engine", "cache" are unknown to this version of the workbench and were left out.',
			'In cell 4 (profile), the setting "sample" is unknown to this version of the workbench and was left out.'
		]);
	});

	it('parseNotebook keeps optional params a cell may lack, absent or present', () => {
		const file = withChange((f) => (cellOf(f, 'segments').params.umapKey = 'r_map'));
		const { doc, notes } = parseNotebook(file, cellSchemas);
		expect(doc.cells.find((c) => c.type === 'segments')!.params.umapKey).toBe('r_map');
		expect('refused' in doc.cells.find((c) => c.type === 'data')!.params).toBe(false);
		expect(notes).toEqual([]);
	});
});

describe('migrations', () => {
	// A later format as it could come: version 2 renamed the notebook's `name` to `title`,
	// version 3 moved Markdown from `body` to `text`. Each step runs once, in order.
	const format: DocumentFormat = {
		version: 3,
		migrations: {
			1: ({ name, ...doc }) => ({ ...doc, title: name }),
			2: (doc) => ({
				...doc,
				cells: (doc.cells as FileCell[]).map(({ params: { body, ...params }, ...c }) => (c.type === 'markdown' ? { ...c, params: { ...params, text: body } } : { ...c, params }))
			})
		}
	};
	const note = { id: 'c1', type: 'markdown', title: '', collapsed: false };
	const file = (version: number, doc: Record<string, unknown>) => JSON.stringify({ format: 'crm-workbench-notebook', version, id: 'nb_old', ...doc });

	it('parseNotebook(version-2 file) runs the steps after version 2 only and loads it', () => {
		const { doc, notes } = parseNotebook(file(2, { title: 'Churn 2023', cells: [{ ...note, params: { body: '# Q4' } }] }), cellSchemas, format);
		expect(doc).toEqual({ version: 3, id: 'nb_old', title: 'Churn 2023', cells: [{ ...note, params: { text: '# Q4' } }] });
		expect(notes).toEqual([]);
	});

	it('parseNotebook(version-1 file) runs every step, then the schemas', () => {
		const { doc } = parseNotebook(file(1, { name: 'Churn 2022', cells: [{ ...note, params: { body: 'hi' } }, { ...note, id: 'c2', type: 'sql', params: { sql: 'SELECT 1' } }] }), cellSchemas, format);
		expect(doc.title).toBe('Churn 2022');
		expect(doc.cells.map((c) => c.params)).toEqual([{ text: 'hi' }, { sql: 'SELECT 1', view: '' }]);
	});

	it('parseNotebook(file of this version) needs no step', () => {
		expect(NOTEBOOK_VERSION).toBe(1);
		expect(parseNotebook(file(NOTEBOOK_VERSION, { title: 'Now', cells: [{ ...note, params: { text: 'x' } }] }), cellSchemas).doc.cells[0].params).toEqual({ text: 'x' });
	});
});

describe('notebooks stored in this browser', () => {
	it('readStoredNotebook(doc saved before a parameter existed) fills it from the defaults', () => {
		const doc = sample();
		const churn = doc.cells.find((c) => c.type === 'churn')!;
		const { reasonsKey: _, ...older } = churn.params;
		const stored = { ...doc, cells: doc.cells.map((c) => (c === churn ? { ...c, params: { ...older, legacy: 1 } } : c)) };
		const { doc: read, notes } = readStoredNotebook(stored, cellSchemas);
		expect(read.cells.find((c) => c.type === 'churn')!.params).toEqual(churn.params);
		expect(notes).toEqual(['In cell 6 (churn), the setting "legacy" is unknown to this version of the workbench and was left out.']);
	});

	it('readStoredNotebook(damaged doc) refuses it in words; trust set in this browser stays', () => {
		const doc = sample();
		expect(readStoredNotebook({ ...doc, untrusted: true }, cellSchemas).doc.untrusted).toBe(true);
		expect(() => readStoredNotebook({ ...doc, cells: [{ ...doc.cells[0], id: '' }] }, cellSchemas)).toThrow('cell 1 has no id');
		expect(() => readStoredNotebook('nonsense', cellSchemas)).toThrow('damaged');
	});
});
