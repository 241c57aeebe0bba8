/**
 * Cell results too large or too costly to recompute on every visit (fitted
 * models, test scores) are kept in IndexedDB under a key the cell's params
 * reference: the notebook document itself stays small.
 */
import { del, entries, get, set } from 'idb-keyval';
import { db } from './notebooks';
import { approxBytes } from './sizes';
import { writesAllowed } from './write-guard';

const key = (resultKey: string) => `result:${resultKey}`;

export async function saveResult(resultKey: string, value: unknown): Promise<void> {
	if (writesAllowed()) await set(key(resultKey), value, db());
}

export async function loadResult<T>(resultKey: string): Promise<T | null> {
	return ((await get<T>(key(resultKey), db())) ?? null) as T | null;
}

export async function deleteResult(resultKey: string): Promise<void> {
	await del(key(resultKey), db());
}

/** About how many bytes each kept result takes (see `approxBytes`), by key: read once for the privacy panel. */
export async function keptResultSizes(): Promise<Map<string, number>> {
	const prefix = key('');
	const sizes = new Map<string, number>();
	for (const [k, value] of await entries(db())) {
		if (typeof k === 'string' && k.startsWith(prefix)) sizes.set(k.slice(prefix.length), approxBytes(value));
	}
	return sizes;
}
