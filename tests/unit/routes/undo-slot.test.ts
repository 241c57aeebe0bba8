import { describe, expect, it } from 'vitest';
import { UndoSlot } from '../../../src/routes/undo-slot.svelte';

/** Timers driven by the test: `elapse()` fires what is due, no clock involved. */
function manualTimers() {
	let now = 0;
	const due = new Map<number, { at: number; run: () => void }>();
	let next = 1;
	return {
		set: (run: () => void, ms: number) => (due.set(next, { at: now + ms, run }), next++),
		clear: (handle: unknown) => void due.delete(handle as number),
		elapse(ms: number) {
			now += ms;
			for (const [id, t] of [...due]) if (t.at <= now) (due.delete(id), t.run());
		}
	};
}

function setup() {
	const timers = manualTimers();
	const slot = new UndoSlot<string>(10_000, timers);
	const committed: string[] = [];
	const offer = (item: string) => slot.offer(item, `Deleted "${item}".`, (i) => committed.push(i));
	return { timers, slot, committed, offer };
}

describe('UndoSlot', () => {
	it('undo() within 10 s hands the item back and its clean-up never runs', () => {
		const { timers, slot, committed, offer } = setup();
		offer('SQL 2');
		expect(slot.current).toEqual({ item: 'SQL 2', label: 'Deleted "SQL 2".' });
		timers.elapse(9_000);
		expect(slot.undo()).toBe('SQL 2');
		expect(slot.current).toBeNull();
		timers.elapse(60_000);
		expect(committed).toEqual([]);
		expect(slot.undo()).toBeNull();
	});

	it('offer() commits once the notice expires, and then nothing can be undone', () => {
		const { timers, slot, committed, offer } = setup();
		offer('Data 1');
		timers.elapse(9_999);
		expect(committed).toEqual([]);
		timers.elapse(1);
		expect(committed).toEqual(['Data 1']);
		expect(slot.current).toBeNull();
		expect(slot.undo()).toBeNull();
	});

	it('a newer offer() commits the older item at once; flush() (notebook closed) commits the last', () => {
		const { timers, slot, committed, offer } = setup();
		offer('Chart 3');
		offer('SQL 4');
		expect(committed).toEqual(['Chart 3']);
		slot.flush();
		expect(committed).toEqual(['Chart 3', 'SQL 4']);
		timers.elapse(20_000);
		slot.flush();
		expect(committed).toEqual(['Chart 3', 'SQL 4']);
	});
});
