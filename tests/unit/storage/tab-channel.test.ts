import { afterEach, describe, expect, it } from 'vitest';
import { openTabChannel, parseTabMessage, reactionsTo, type TabChannel, type TabMessage, type TabReaction, type TabView } from '$lib/storage/tab-channel';

const editing: TabView = { openId: 'nb_1', editing: true };
const reading: TabView = { openId: 'nb_1', editing: false };
const other: TabView = { openId: 'nb_2', editing: true };
const none: TabView = { openId: null, editing: false };

describe('reactionsTo(message, view)', () => {
	const cases: [string, TabMessage, TabView, TabReaction[]][] = [
		['a read-only tab reloads what the editor saved', { type: 'saved', id: 'nb_1' }, reading, ['refresh-list', 'reload-doc']],
		['the editor only refreshes its list', { type: 'saved', id: 'nb_1' }, editing, ['refresh-list']],
		['a tab on another notebook only refreshes its list', { type: 'saved', id: 'nb_1' }, other, ['refresh-list']],
		['a deletion refreshes every list', { type: 'list' }, none, ['refresh-list']],
		['the editor hands over', { type: 'handover', id: 'nb_1' }, editing, ['hand-over']],
		['a read-only tab ignores a hand-over', { type: 'handover', id: 'nb_1' }, reading, []],
		['a tab on another notebook ignores a hand-over', { type: 'handover', id: 'nb_1' }, other, []],
		['the editor renames', { type: 'rename', id: 'nb_1', title: 'Q3' }, editing, ['rename']],
		['a read-only tab does not rename', { type: 'rename', id: 'nb_1', title: 'Q3' }, reading, []],
		['the editor deletes', { type: 'delete', id: 'nb_1' }, editing, ['delete']],
		['a tab on another notebook does not delete', { type: 'delete', id: 'nb_1' }, other, []],
		['every tab stops for an erase', { type: 'erasing' }, editing, ['stop']],
		['every tab restarts after it', { type: 'erased' }, none, ['restart']]
	];
	it.each(cases)('%s', (_, message, view, expected) => {
		expect(reactionsTo(message, view)).toEqual(expected);
	});
});

describe('parseTabMessage(data)', () => {
	it.each([[{ type: 'saved', id: 'nb_1' }], [{ type: 'rename', id: 'nb_1', title: '' }], [{ type: 'list' }], [{ type: 'erasing' }], [{ type: 'erased' }]])(
		'keeps %j',
		(data) => {
			expect(parseTabMessage(data)).toEqual(data);
		}
	);

	it('drops fields that are not part of the message', () => {
		expect(parseTabMessage({ type: 'delete', id: 'nb_1', doc: { cells: [] } })).toEqual({ type: 'delete', id: 'nb_1' });
	});

	it.each([[null], ['saved'], [{ type: 'saved' }], [{ type: 'saved', id: '' }], [{ type: 'rename', id: 'nb_1' }], [{ type: 'open', id: 'nb_1' }]])(
		'refuses %j',
		(data) => {
			expect(parseTabMessage(data)).toBeNull();
		}
	);
});

describe('openTabChannel(onmessage)', () => {
	const open: TabChannel[] = [];
	afterEach(() => open.splice(0).forEach((c) => c.close()));

	it('delivers valid messages to the other tabs only', async () => {
		const received: TabMessage[] = [];
		const own: TabMessage[] = [];
		const tabA = openTabChannel((m) => own.push(m));
		open.push(tabA);
		const arrived = new Promise<void>((resolve) =>
			open.push(
				openTabChannel((m) => {
					received.push(m);
					if (m.type === 'erased') resolve();
				})
			)
		);
		// A stray post of another shape on the same channel name is ignored.
		const stray = new BroadcastChannel('crm-workbench');
		stray.postMessage({ type: 'saved' });
		stray.close();
		tabA.post({ type: 'saved', id: 'nb_1' });
		tabA.post({ type: 'erased' });
		await arrived;
		expect(received).toEqual([{ type: 'saved', id: 'nb_1' }, { type: 'erased' }]);
		expect(own).toEqual([]);
	});
});
