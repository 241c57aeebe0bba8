/**
 * Connects this tab's workbench to the other tabs of the same browser: the
 * notebook list and a read-only notebook follow what the editing tab saves,
 * hand-over and list requests are answered here when this tab edits the
 * notebook, and "Delete all local data" in another tab stops this one (it
 * writes nothing more) and then starts it afresh.
 */
import { stopData } from '$lib/clients/data';
import { leavePresence } from '$lib/storage/erase-barrier';
import { writesSettled } from '$lib/storage/notebooks';
import { openTabChannel, reactionsTo, type TabChannel, type TabMessage, type TabReaction } from '$lib/storage/tab-channel';
import { stopWrites } from '$lib/storage/write-guard';
import type { Workbench } from './workbench.svelte';

/** Survives this tab's own reload (sessionStorage is per tab), so the fresh page can say why it is empty. */
const ERASED_ELSEWHERE = 'crm-erased-elsewhere';

export interface TabHooks {
	/** Another tab started erasing: this one has dropped its notebook and stopped writing. */
	onstop(): void;
}

export function connectTabs(wb: Workbench, hooks: TabHooks): TabChannel {
	const channel = openTabChannel((message) => {
		const view = { openId: wb.doc?.id ?? null, editing: wb.doc !== null && !wb.readOnly };
		for (const reaction of reactionsTo(message, view)) void act(reaction, message);
	});
	wb.notify = (message) => channel.post(message);

	async function act(reaction: TabReaction, message: TabMessage): Promise<void> {
		switch (reaction) {
			case 'refresh-list':
				return wb.refreshList();
			case 'reload-doc':
				return wb.reload();
			case 'hand-over':
				if (message.type === 'handover') return wb.handOver(message.id);
				return;
			case 'rename':
				if (message.type === 'rename') wb.rename(message.title);
				return;
			case 'delete':
				if (message.type === 'delete') return wb.remove(message.id);
				return;
			case 'stop':
				// Order matters: no new write, the pending ones done, the data worker (and any
				// file it was keeping) ended, and only then tell the erasing tab it may go on.
				stopWrites();
				wb.reset();
				await wb.settle();
				await writesSettled();
				stopData();
				hooks.onstop();
				leavePresence();
				return;
			case 'restart':
				sessionStorage.setItem(ERASED_ELSEWHERE, '1');
				location.reload();
				return;
		}
	}
	return channel;
}

/** True once, on the first start after another tab erased all local data and this one reloaded. */
export function wasErasedElsewhere(): boolean {
	const erased = sessionStorage.getItem(ERASED_ELSEWHERE) === '1';
	sessionStorage.removeItem(ERASED_ELSEWHERE);
	return erased;
}
