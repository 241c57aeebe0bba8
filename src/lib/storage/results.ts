/**
 * Cell results too large or too costly to recompute on every visit (fitted
 * models, test scores) are kept in IndexedDB under a key the cell's params
 * reference: the notebook document itself stays small.
 */
import { del, get, keys, set } from 'idb-keyval';
import { db } from './notebooks';
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

/** Keys of every kept result (what the privacy panel counts), without reading the results. */
export async function keptResultKeys(): Promise<string[]> {
	const prefix = key('');
	return (await keys(db())).flatMap((k) => (typeof k === 'string' && k.startsWith(prefix) ? [k.slice(prefix.length)] : []));
}
