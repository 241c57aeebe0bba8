/**
 * Autosave: an edit made while the workbench is still finishing a save (reading the notebook
 * list after writing) is written too, not dropped until some later edit.
 */
import { describe, expect, it, vi } from 'vitest';

const written: string[] = [];
let listGate: Promise<void> = Promise.resolve();

vi.mock('$lib/storage/notebooks', () => ({
	saveNotebook: vi.fn(async (doc: { title: string }) => void written.push(doc.title)),
	listNotebooks: vi.fn(async () => {
		await listGate;
		return [];
	}),
	loadNotebook: vi.fn(async () => null),
	getLastOpen: vi.fn(async () => null),
	setLastOpen: vi.fn(async () => undefined),
	deleteNotebook: vi.fn(async () => undefined),
	writesSettled: vi.fn(async () => undefined)
}));

const { Workbench } = await import('../../../src/routes/workbench.svelte');

describe('Workbench autosave', () => {
	it('writes an edit made while the previous save reads the notebook list', async () => {
		const wb = new Workbench(null);
		await wb.create('First');
		written.length = 0;
		let open!: () => void;
		listGate = new Promise<void>((resolve) => (open = resolve));
		wb.rename('Second');
		await vi.waitFor(() => expect(written).toEqual(['Second']));
		// The save is now reading the list: this edit must not be lost.
		wb.rename('Third');
		open();
		await wb.settle();
		await wb.settle();
		expect(written.at(-1)).toBe('Third');
	});
});
