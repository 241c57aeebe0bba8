import { describe, expect, it } from 'vitest';
import {
	addCell,
	deleteCell,
	deletedCell,
	duplicateCell,
	emptyNotebook,
	moveCell,
	renameCell,
	restoreCell,
	setCollapsed,
	updateParams,
	type Notebook,
	type NotebookCell
} from '$lib/notebook';

function cell(id: string, text = id): NotebookCell {
	return { id, type: 'markdown', title: '', collapsed: false, params: { text } };
}

function doc(...ids: string[]): Notebook {
	return { ...emptyNotebook('Test', 'nb_1'), cells: ids.map((id) => cell(id)) };
}

const ids = (d: Notebook) => d.cells.map((c) => c.id);

describe('notebook ops', () => {
	it('addCell(doc, cell, at) inserts at the position and leaves the input untouched', () => {
		const before = doc('a', 'b');
		const frozen = structuredClone(before);
		const after = addCell(before, cell('x'), 1);
		expect(ids(after)).toEqual(['a', 'x', 'b']);
		expect(before).toEqual(frozen);
		expect(ids(addCell(before, cell('y')))).toEqual(['a', 'b', 'y']);
		expect(ids(addCell(before, cell('z'), 99))).toEqual(['a', 'b', 'z']);
	});

	it('restoreCell(deleteCell(doc, id), deletedCell(doc, id)) brings the cell back at its place with its params', () => {
		const before: Notebook = { ...doc('a', 'b', 'c'), cells: [cell('a'), { ...cell('b', 'SELECT 1'), title: 'SQL 2', collapsed: true }, cell('c')] };
		const frozen = structuredClone(before);
		const deleted = deletedCell(before, 'b');
		expect(deleted).toMatchObject({ at: 1, after: 'a' });
		const after = deleteCell(before, 'b');
		expect(ids(after)).toEqual(['a', 'c']);
		const back = restoreCell(after, deleted);
		expect(back).toEqual(before);
		expect(before).toEqual(frozen);
		expect(restoreCell(back, deleted)).toBe(back); // Undo twice restores once
	});

	it.each([
		['first cell, a cell added on top meanwhile', ['a', 'b', 'c'], 'a', (d: Notebook) => addCell(d, cell('x'), 0), ['a', 'x', 'b', 'c']],
		['below its neighbour after that one moved', ['a', 'b', 'c', 'd'], 'b', (d: Notebook) => moveCell(d, 'a', 2), ['c', 'd', 'a', 'b']],
		['at its old index when its neighbour is gone too', ['a', 'b', 'c'], 'b', (d: Notebook) => deleteCell(d, 'a'), ['c', 'b']],
		['last cell of a notebook emptied meanwhile', ['a'], 'a', (d: Notebook) => d, ['a']]
	])('restoreCell puts the %s', (_, cells, id, meanwhile, expected) => {
		const before = doc(...cells);
		const back = restoreCell(meanwhile(deleteCell(before, id)), deletedCell(before, id));
		expect(ids(back)).toEqual(expected);
	});

	it('deleteCell(doc, id) removes only that cell and throws on an unknown id', () => {
		expect(ids(deleteCell(doc('a', 'b', 'c'), 'b'))).toEqual(['a', 'c']);
		expect(() => deleteCell(doc('a'), 'nope')).toThrow('invalid cell id: nope');
	});

	it('duplicateCell(doc, id) copies deeply with a fresh id right below', () => {
		const before = doc('a', 'b');
		const after = duplicateCell(before, 'a', 'a2');
		expect(ids(after)).toEqual(['a', 'a2', 'b']);
		expect(after.cells[1].params).toEqual(before.cells[0].params);
		expect(after.cells[1].params).not.toBe(before.cells[0].params);
	});

	it.each([
		['b', -1, ['b', 'a', 'c']],
		['b', 1, ['a', 'c', 'b']],
		['a', -1, ['a', 'b', 'c']],
		['c', 1, ['a', 'b', 'c']]
	])('moveCell(doc, %s, %i) reorders or stops at the ends', (id, delta, expected) => {
		expect(ids(moveCell(doc('a', 'b', 'c'), id, delta))).toEqual(expected);
	});

	it('renameCell, setCollapsed and updateParams change one cell', () => {
		let d = doc('a', 'b');
		d = renameCell(d, 'a', '  Churn by contract ');
		d = setCollapsed(d, 'b', true);
		d = updateParams(d, 'b', { text: 'new' });
		expect(d.cells[0].title).toBe('Churn by contract');
		expect(d.cells[1]).toMatchObject({ collapsed: true, params: { text: 'new' } });
		expect(d.cells[0].params).toEqual({ text: 'a' });
	});
});
