/**
 * The reasons of the riskiest customers, as a background job after the
 * probabilities: the training worker's explain job (progress with time left,
 * `stopJob` to cancel), its result kept in IndexedDB with the fingerprint of
 * what was explained (`kept-result.ts`), so a reload restores the reasons
 * without recomputing them.
 */
import { relationArrow } from '$lib/clients/data';
import { explainRows } from '$lib/clients/train';
import { trainKept } from '$lib/storage/kept-result';
import type { TabularProgress } from '$lib/clients/train';
import type { CustomerReasons, ScoringModel } from './scoring';
import { REASON_SAMPLING } from './reason-plan';

/**
 * What the reasons depend on: the table, the model (through its probabilities
 * for the explained rows, which change when it is retrained) and the rows.
 */
export function reasonsFingerprint(table: string, model: ScoringModel, rows: number[], probability: Float64Array): string {
	const explained = digest(rows.map((r) => `${r}:${probability[r].toPrecision(8)}`).join(','));
	return JSON.stringify({ table, model: [model.kind, model.label], n: probability.length, explained, sampling: REASON_SAMPLING });
}

/** A 53-bit hash of `text` (cyrb53): keeps the fingerprint short when every row is explained. */
function digest(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export interface ReasonsRun {
	result: CustomerReasons;
	/** The IndexedDB key they are kept under. */
	key: string;
	/** True when they came from storage, not from a new computation. */
	reused: boolean;
}

/**
 * The reasons of `rows` of `table`: kept ones when the fingerprint matches, else
 * computed by the worker (`onJob` receives the job id, for `stopJob`) and kept.
 */
export function findReasons(
	key: string,
	table: string,
	model: ScoringModel,
	rows: number[],
	probability: Float64Array,
	onJob: (jobId: string) => void,
	onProgress: (p: TabularProgress) => void
): Promise<ReasonsRun> {
	return trainKept(key, reasonsFingerprint(table, model, rows, probability), async () => {
		const job = explainRows(await relationArrow(table), model, rows, true, onProgress, REASON_SAMPLING);
		onJob(job.jobId);
		const { reasons = [] } = await job.result;
		return { rows, reasons };
	});
}
