/**
 * Shared state of the compute (TF.js backend) status: one instance per page,
 * so the status bar reflects a worker that a training cell started too.
 * Nothing here starts the worker until `start()` (or a check) is called.
 */
import {
	errorText,
	getTrainStatus,
	isCancelledError,
	isTrainStarted,
	loadBackendPreference,
	onTrainStarted,
	cancelJob,
	runComputeCheck,
	setBackendPreference,
	startTrain,
	type BackendName,
	type BackendPreference,
	type BackendStatus,
	type ComputeTiming,
	type TrainProgress
} from '$lib/clients/train';

export type ComputePhase = 'idle' | 'starting' | 'ready' | 'failed';

class ComputeState {
	phase = $state<ComputePhase>('idle');
	status = $state<BackendStatus | null>(null);
	/** The saved choice ('auto' or a backend); read before the worker starts so the menu shows it. */
	preference = $state<BackendPreference>('auto');
	/** Last start/switch error, worded by the worker. */
	error = $state<string | null>(null);

	checking = $state(false);
	progress = $state<TrainProgress | null>(null);
	timings = $state<ComputeTiming[] | null>(null);
	checkError = $state<string | null>(null);
	private jobId: string | null = null;
	/** Cancel pressed while the worker was still starting (no job id yet). */
	private cancelRequested = false;

	available = $derived<BackendName[]>(this.status?.probes.filter((p) => p.available).map((p) => p.name) ?? []);

	constructor() {
		if (typeof localStorage !== 'undefined') this.preference = loadBackendPreference();
		// A cell that trains starts the worker itself: the status bar shows the backend it got.
		onTrainStarted((status) => {
			this.status = status;
			this.phase = 'ready';
			this.error = null;
		});
	}

	/** Starts the worker if needed; safe to call often. */
	async start(): Promise<void> {
		if (this.phase === 'starting' || this.phase === 'ready') return;
		this.phase = 'starting';
		this.error = null;
		try {
			this.status = await startTrain();
			this.phase = 'ready';
		} catch (e) {
			this.error = errorText(e);
			this.phase = 'failed';
		}
	}

	/** Picks up a worker that other code started (e.g. a training cell) without starting one. */
	async sync(): Promise<void> {
		if (this.phase === 'idle' && isTrainStarted()) await this.start();
		else if (this.phase === 'ready') this.status = await getTrainStatus();
	}

	async choose(preference: BackendPreference): Promise<void> {
		this.preference = preference;
		this.error = null;
		try {
			if (this.phase !== 'ready') await this.start();
			this.status = await setBackendPreference(preference);
			this.phase = 'ready';
		} catch (e) {
			this.error = errorText(e);
		}
	}

	async runCheck(size: number): Promise<void> {
		if (this.checking) return;
		this.checking = true;
		this.checkError = null;
		this.progress = null;
		this.cancelRequested = false;
		try {
			await this.start();
			if (this.cancelRequested) return;
			// The client silences progress that arrives after the result.
			const { jobId, result } = runComputeCheck(size, (p) => (this.progress = p));
			this.jobId = jobId;
			this.timings = await result;
		} catch (e) {
			// A cancelled check keeps the previous table and shows no error.
			if (!isCancelledError(e)) this.checkError = errorText(e);
		} finally {
			this.checking = false;
			this.jobId = null;
			this.progress = null;
		}
	}

	cancelCheck(): void {
		this.cancelRequested = true;
		if (this.jobId) void cancelJob(this.jobId);
	}
}

export const compute = new ComputeState();
