import { beforeEach, describe, expect, it, vi } from 'vitest';

// IndexedDB stands in as a map: the lifecycle is what is under test, not idb-keyval.
const kept = new Map<string, unknown>();
vi.mock('$lib/storage/results', () => ({
	saveResult: async (key: string, value: unknown) => void kept.set(key, structuredClone(value)),
	loadResult: async (key: string) => kept.get(key) ?? null
}));
const { loadKept, trainKept, trainKeptJob } = await import('$lib/storage/kept-result');

describe('kept results', () => {
	beforeEach(() => kept.clear());

	it('trainKept(key, fingerprint, train) trains once, then reuses while the fingerprint holds', async () => {
		const train = vi.fn(async () => ({ k: 3 }));
		const first = await trainKept('', 'customers@v1', train);
		expect(first).toMatchObject({ result: { k: 3 }, reused: false });
		expect(await trainKept(first.key, 'customers@v1', train)).toEqual({ result: { k: 3 }, key: first.key, reused: true });
		expect(train).toHaveBeenCalledTimes(1);
		expect(await trainKept(first.key, 'customers@v2', train)).toMatchObject({ key: first.key, reused: false });
		expect(train).toHaveBeenCalledTimes(2);
	});

	it('loadKept(key, fingerprint) restores the result and says when it is stale', async () => {
		const { key } = await trainKept('', 'customers@v1', async () => ({ k: 3 }));
		expect(await loadKept(key, async () => 'customers@v1')).toEqual({ result: { k: 3 }, stale: false });
		expect(await loadKept(key, async () => 'customers@v2')).toEqual({ result: { k: 3 }, stale: true });
		expect(await loadKept('', async () => 'customers@v1')).toBeNull();
	});

	it('loadKept(key of a result kept bare, before fingerprints) restores it as stale; training replaces it', async () => {
		kept.set('r_old', { labels: [0, 1], k: 2 });
		expect(await loadKept('r_old', async () => '')).toEqual({ result: { labels: [0, 1], k: 2 }, stale: true });
		const train = vi.fn(async () => ({ labels: [1, 0], k: 2 }));
		expect(await trainKept('r_old', '', train)).toMatchObject({ key: 'r_old', reused: false });
		expect(await loadKept('r_old', async () => '')).toEqual({ result: { labels: [1, 0], k: 2 }, stale: false });
	});

	it('trainKeptJob(key, fingerprint, start, started) starts the job only when the kept result does not match', async () => {
		const start = vi.fn(async () => ({ jobId: 'j1', result: Promise.resolve({ accuracy: 0.8 }) }));
		const started = vi.fn();
		const first = await trainKeptJob('', 'known@v1', start, started);
		expect(started).toHaveBeenCalledWith('j1');
		expect(await trainKeptJob(first.key, 'known@v1', start, started)).toMatchObject({ result: { accuracy: 0.8 }, reused: true });
		expect(start).toHaveBeenCalledTimes(1);
	});
});
