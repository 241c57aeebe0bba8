import { describe, expect, it } from 'vitest';
import { emptyNotebook, NOTEBOOK_VERSION, parseNotebook, serializeNotebook, type Notebook } from '$lib/notebook';
import { checkCell, CELL_DEFINITIONS } from '$lib/cells/definitions';

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

function withChange(change: (file: Record<string, unknown>) => void): string {
	const file = JSON.parse(serializeNotebook(sample()));
	change(file);
	return JSON.stringify(file);
}

describe('notebook files', () => {
	it('parseNotebook(serializeNotebook(doc)) round-trips every cell type', () => {
		const doc = sample();
		expect(parseNotebook(serializeNotebook(doc), checkCell)).toEqual(doc);
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
		['bad params', withChange((f) => ((f.cells as { params: unknown }[])[0].params = { text: 3 })), 'its text is missing'],
		['an invalid chart type', withChange((f) => ((f.cells as { type: string; params: Record<string, unknown> }[]).find((c) => c.type === 'chart')!.params.mark = 'pie')), 'invalid chart type: pie'],
		['duplicate ids', withChange((f) => ((f.cells as { id: string }[])[1].id = 'c0')), 'two cells share an id']
	])('parseNotebook refuses %s with a clear message', (_case, text, message) => {
		expect(() => parseNotebook(text, checkCell)).toThrow(message);
	});
});

describe('notebooks stored in this browser', () => {
	it('readStoredNotebook(doc saved before a parameter existed) fills it from the defaults, for files too', async () => {
		const { readStoredNotebook } = await import('$lib/notebook');
		const { cellDefaults } = await import('$lib/cells/definitions');
		const doc = sample();
		const churn = doc.cells.find((c) => c.type === 'churn')!;
		const { reasonsKey: _, ...older } = churn.params;
		const stored = { ...doc, cells: doc.cells.map((c) => (c === churn ? { ...c, params: older } : c)) };
		expect(readStoredNotebook(stored, checkCell, cellDefaults).cells.find((c) => c.type === 'churn')!.params.reasonsKey).toBe('');
		const file = JSON.stringify({ format: 'crm-workbench-notebook', ...stored });
		expect(parseNotebook(file, checkCell, cellDefaults).cells.find((c) => c.type === 'churn')!.params).toEqual(churn.params);
	});

	it('readStoredNotebook(damaged doc) refuses it in words; trust set in this browser stays', async () => {
		const { readStoredNotebook } = await import('$lib/notebook');
		const { cellDefaults } = await import('$lib/cells/definitions');
		const doc = sample();
		expect(readStoredNotebook({ ...doc, untrusted: true }, checkCell, cellDefaults).untrusted).toBe(true);
		expect(() => readStoredNotebook({ ...doc, cells: [{ ...doc.cells[0], id: '' }] }, checkCell, cellDefaults)).toThrow('cell 1 has no id');
		expect(() => readStoredNotebook('nonsense', checkCell, cellDefaults)).toThrow('damaged');
	});
});
