/**
 * The one lifecycle of a cell's long worker job: start → progress (with time
 * left) → cancel → keep the result → reuse it when nothing changed. A cell
 * holds one `KeptJobRun`, shows `progress`, `error` and `notice`, and wires
 * `cancel()` to its progress line.
 */
import { errorText, isCancelledError, stopJob, type TabularProgress } from '$lib/clients/train';
import { trainKeptJob, type KeptJob } from '$lib/storage/kept-result';

export interface KeptJobTexts {
	/** The progress line's first stage. */
	starting: string;
	/** Said when the user cancelled (the previous result stays). */
	cancelled: string;
	/** Said when the kept result matched and was shown as it is; none = say nothing. */
	unchanged?: string;
}

export class KeptJobRun {
	progress = $state<TabularProgress | null>(null);
	jobId = $state<string | null>(null);
	error = $state('');
	notice = $state('');

	constructor(private readonly texts: KeptJobTexts) {}

	get running(): boolean {
		return this.jobId !== null;
	}

	/**
	 * Runs `start` unless the result kept under `key` matches `fingerprint`. Resolves with the
	 * result (and its key) or null when the job failed or was cancelled (`error` / `notice` say which).
	 */
	async run<R>(key: string, fingerprint: string, start: (onProgress: (p: TabularProgress) => void) => Promise<KeptJob<R>>): Promise<{ result: R; key: string; reused: boolean } | null> {
		this.error = '';
		this.notice = '';
		try {
			const kept = await trainKeptJob(key, fingerprint, () => start((p) => (this.progress = p)), (id) => {
				this.jobId = id;
				this.progress = { jobId: id, stage: this.texts.starting, fraction: 0 };
			});
			if (kept.reused && this.texts.unchanged) this.notice = this.texts.unchanged;
			return kept;
		} catch (e) {
			if (isCancelledError(e)) this.notice = this.texts.cancelled;
			else this.error = errorText(e);
			return null;
		} finally {
			this.jobId = null;
			this.progress = null;
		}
	}

	cancel(): void {
		if (this.jobId) void stopJob(this.jobId);
	}
}
