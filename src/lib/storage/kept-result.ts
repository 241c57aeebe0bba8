/**
 * A trained result kept in IndexedDB with the fingerprint of what it was
 * trained on (table shape and settings): a cell shows it again on open, says
 * when it is stale, and does not retrain when nothing changed.
 */
import { newId } from '$lib/notebook';
import { loadResult, saveResult } from './results';

interface Kept<R> {
	fingerprint: string;
	result: R;
}

/**
 * The kept entry under `key`. A result kept bare (the prediction and segments
 * cells did so before fingerprints) has no fingerprint: it shows as stale.
 */
async function readKept<R>(key: string): Promise<Kept<R> | null> {
	const kept = await loadResult<Kept<R> | R>(key);
	if (kept === null) return null;
	const wrapped = typeof kept === 'object' && 'fingerprint' in kept && 'result' in kept;
	return wrapped ? (kept as Kept<R>) : { fingerprint: 'kept before fingerprints', result: kept as R };
}

/** The result kept under `key` and whether it still matches the current fingerprint; null when none. */
export async function loadKept<R>(key: string, fingerprint: () => Promise<string>): Promise<{ result: R; stale: boolean } | null> {
	if (!key) return null;
	const kept = await readKept<R>(key);
	return kept ? { result: kept.result, stale: kept.fingerprint !== (await fingerprint()) } : null;
}

/** The result kept under `key` as it is, whatever it was computed from (another cell's model); null when none. */
export async function readKeptResult<R>(key: string): Promise<R | null> {
	return key ? ((await readKept<R>(key))?.result ?? null) : null;
}

/**
 * The result kept under `key` when it matches `fingerprint` (`reused`), else
 * `train()`'s result, kept under `key` (or a new key when there is none).
 */
export async function trainKept<R>(key: string, fingerprint: string, train: () => Promise<R>): Promise<{ result: R; key: string; reused: boolean }> {
	const kept = key ? await readKept<R>(key) : null;
	if (kept && kept.fingerprint === fingerprint) return { result: kept.result, key, reused: true };
	const result = await train();
	const newKey = key || newId('r_');
	await saveResult(newKey, { fingerprint, result } satisfies Kept<R>);
	return { result, key: newKey, reused: false };
}

/** A worker job: its id (to show its progress and cancel it) and its result. */
export interface KeptJob<R> {
	jobId: string;
	result: Promise<R>;
}

/**
 * `trainKept` for a worker job: `start()` runs only when the kept result does
 * not match `fingerprint`, and `started(jobId)` lets the cell show progress and Cancel.
 */
export function trainKeptJob<R>(key: string, fingerprint: string, start: () => Promise<KeptJob<R>>, started: (jobId: string) => void): Promise<{ result: R; key: string; reused: boolean }> {
	return trainKept(key, fingerprint, async () => {
		const job = await start();
		started(job.jobId);
		return job.result;
	});
}

/** Keeps a result that was not trained here (an imported model): never matches a fingerprint. */
export async function keepImported<R>(key: string, result: R): Promise<string> {
	const newKey = key || newId('r_');
	await saveResult(newKey, { fingerprint: 'imported', result } satisfies Kept<R>);
	return newKey;
}
