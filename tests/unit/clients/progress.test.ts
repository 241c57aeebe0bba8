import { describe, expect, it } from 'vitest';
import { withProgress } from '$lib/clients/progress';

describe('withProgress', () => {
	it.each([
		['done', () => Promise.resolve('ok')],
		['failed', () => Promise.reject(new Error('refused'))]
	])('withProgress(onProgress, job %s) drops reports that arrive after the job ended', async (_, outcome) => {
		const seen: string[] = [];
		let late: ((p: { stage: string }) => void) | undefined;
		await withProgress<{ stage: string }, string>(
			(p) => seen.push(p.stage),
			(progress) => {
				late = progress;
				progress?.({ stage: 'Importing' });
				return outcome();
			}
		).catch(() => undefined);
		// Comlink delivers the worker's last report on its own channel, after the result.
		late?.({ stage: 'Done' });
		expect(seen).toEqual(['Importing']);
	});
});
