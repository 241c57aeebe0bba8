/**
 * The training worker's logic, without the worker: `worker.ts` builds it with
 * the browser environment, unit tests with TF.js on the cpu backend in Node.
 */
import { tableFromIPC } from 'apache-arrow';
import type { Tensor2D } from '@tensorflow/tfjs';
import type {
	ArrowTableBytes,
	BundleJob,
	BackendName,
	BackendProbe,
	BackendStatus,
	ComputeTiming,
	TableReceipt,
	CustomerJob,
	CustomerValues,
	ExplainJob,
	ExplainResult,
	ScoreJob,
	ScoreResult,
	SegmentJob,
	SegmentResult,
	UmapJob,
	UmapResult,
	TabularJob,
	TabularProgress,
	TabularResult,
	TextExplainJob,
	TextExplainResult,
	TextResult,
	TextScoreJob,
	TextTrainJob,
	TrainApi,
	TrainProgress,
	TrainProgressFn,
	WordScore,
	RecommendJob,
	RecommendResult,
	SurvivalJob,
	SurvivalJobResult,
	ValueJob,
	ValueJobResult
} from './api';
import { BACKEND_LABELS, chooseBackend } from './backends';
import { runTabular, scoreTable } from './tabular';
import { explainTable } from './explain';
import * as local from './local';
import { bundleZip } from './export';
import { segmentTable } from './segment';
import { umapTable } from './umap';
import { recommendTable } from './recommend';
import { survivalTable } from './survival';
import { customerValueTable } from './value';
import { explainOneText, readWordList, runText, scoreTextTable } from './text';
import { describeError, isCancelled, throwIfCancelled, toUserError, trainError } from './errors';
import { nextTask } from '../../models/shared';
import { speak } from '../shared/language';
import type { ThreadPool } from '../../models';

/** The TF.js surface the engine uses (the real module satisfies it). */
export type Tf = Pick<
	typeof import('@tensorflow/tfjs'),
	'setBackend' | 'getBackend' | 'ready' | 'tidy' | 'matMul' | 'randomUniform' | 'memory' | 'dispose'
>;

/** What the engine needs from its host; injected so tests run without a browser. */
export interface TrainEnv {
	tf: Tf;
	/** Probes the backends this host can run (`probeBrowser` in the worker). */
	probe(): Promise<BackendProbe[]>;
	/** Helper threads large fits spread their rows over (the browser's Web Workers); absent in tests. */
	threads?: ThreadPool;
}

/** Matrix side for the compute check when none is given: software WebGPU needs ~11 s at 1024. */
export const DEFAULT_CHECK_SIZE = 256;
export const MAX_CHECK_SIZE = 4096;
/** Timed runs per backend, after one warm-up (compiles shaders, allocates). */
const TIMED_RUNS = 3;

/**
 * Lets queued messages (a `cancel`) run: on the cpu backend `await data()` only
 * waits a microtask, so without this a loop would never see the abort.
 */

const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export class TrainEngine implements TrainApi {
	private probes: BackendProbe[] = [];
	private active: BackendName = 'cpu';
	private overridden = false;
	private note: string | undefined;
	private initialising: Promise<BackendStatus> | null = null;
	private readonly jobs = new Map<string, AbortController>();
	/** Ids cancelled before their job arrived (the client may cancel while the worker still starts). */
	private readonly cancelledEarly = new Set<string>();

	constructor(private readonly env: TrainEnv) {}

	async setLocale(locale: string): Promise<void> {
		speak(locale);
	}

	init(preferred: BackendName | 'auto' = 'auto'): Promise<BackendStatus> {
		const run = (async () => {
			this.probes = await this.env.probe();
			await this.activate(preferred);
			return this.snapshot();
		})();
		// A failed start must not stick: the next call tries again.
		this.initialising = run.catch((e) => {
			this.initialising = null;
			throw toUserError(e, preferred === 'auto' ? 'cpu' : preferred);
		});
		return this.initialising;
	}

	async status(): Promise<BackendStatus> {
		await this.ready();
		return this.snapshot();
	}

	async setBackend(name: BackendName | 'auto'): Promise<BackendStatus> {
		await this.ready();
		await this.activate(name);
		return this.snapshot();
	}

	async computeCheck(jobId: string, size = DEFAULT_CHECK_SIZE, onProgress?: TrainProgressFn): Promise<ComputeTiming[]> {
		if (!Number.isInteger(size) || size < 1 || size > MAX_CHECK_SIZE) throw trainError(`invalid size: ${size}`);
		const signal = this.startJob(jobId);
		const report = (p: Omit<TrainProgress, 'jobId'>) => {
			// Across Comlink the callback returns a promise; a closed page must not fail the job.
			Promise.resolve()
				.then(() => onProgress?.({ jobId, ...p }))
				.catch(() => {});
		};
		try {
			await this.ready();
			const names = this.probes.filter((p) => p.available).map((p) => p.name);
			const timings: ComputeTiming[] = [];
			try {
				for (const [i, name] of names.entries()) {
					const step = (k: number) =>
						report({ stage: `${BACKEND_LABELS[name]}: run ${k} of ${TIMED_RUNS + 1}`, fraction: (i + k / (TIMED_RUNS + 1)) / names.length });
					timings.push(await this.timeMatMul(name, size, signal, step));
					report({ stage: `${BACKEND_LABELS[name]}: done`, fraction: (i + 1) / names.length });
				}
			} finally {
				// Put the user's backend back even when cancelled.
				await this.trySetBackend(this.active);
			}
			return timings;
		} catch (e) {
			throw toUserError(e, this.active);
		} finally {
			this.jobs.delete(jobId);
		}
	}

	async receiveTable(table: ArrowTableBytes): Promise<TableReceipt> {
		const ipc = table?.ipc;
		if (!(ipc instanceof Uint8Array)) throw trainError(`invalid table: expected Arrow IPC bytes, got ${typeof ipc}`);
		let t;
		try {
			t = tableFromIPC(ipc);
		} catch (e) {
			throw trainError(`The table could not be read as Arrow data: ${describeError(e)}.`);
		}
		// apache-arrow reads bytes that are not Arrow as an empty table rather than throwing.
		if (t.schema.fields.length === 0) throw trainError('The table could not be read as Arrow data: it has no columns.');
		return { rowCount: t.numRows, columns: t.schema.fields.map((f) => f.name), byteLength: ipc.byteLength };
	}

	/** Trains the tabular models (churn, segments) on a transferred table; cancellable by `jobId`. */
	async trainTabular(job: TabularJob, onProgress?: (p: TabularProgress) => void): Promise<TabularResult> {
		await this.ready();
		return this.withJob(job.jobId, (signal) => runTabular(job, signal, onProgress, this.env.threads));
	}

	/** SHAP explanations of a table's rows (probability view) and their top reasons; cancellable by `jobId`. */
	async explain(job: ExplainJob, onProgress?: (p: TabularProgress) => void): Promise<ExplainResult> {
		await this.ready();
		return this.withJob(job.jobId, (signal) => explainTable(job, signal, onProgress, this.env.threads));
	}

	async productionBundle(job: BundleJob): Promise<Uint8Array> {
		await this.ready();
		return this.guard(async () => bundleZip(job));
	}

	async whatIf(job: CustomerJob & { changes: CustomerValues }): Promise<number> {
		await this.ready();
		return this.guard(() => local.whatIf(job));
	}

	async lime(job: CustomerJob & { seed: number }) {
		await this.ready();
		return this.withJob(job.jobId, (signal) => local.lime(job, signal));
	}

	async counterfactuals(job: CustomerJob & { actionable: string[]; target: number }) {
		await this.ready();
		return this.withJob(job.jobId, (signal) => local.counterfactuals(job, signal));
	}

	async dependence(job: Omit<CustomerJob, 'customer'> & { feature: string }, onProgress?: (p: TabularProgress) => void) {
		await this.ready();
		return this.withJob(job.jobId, (signal) => local.dependence(job, signal, onProgress));
	}

	/** k-means segmentation of a table: choosing k, profiles and a PCA map. */
	async segment(job: SegmentJob, onProgress?: (p: TabularProgress) => void): Promise<SegmentResult> {
		await this.ready();
		return this.withJob(job.jobId, (signal) => segmentTable(job, signal, onProgress, this.env.threads));
	}

	/** A UMAP map of (sampled) customers. */
	async umap(job: UmapJob, onProgress?: (p: TabularProgress) => void): Promise<UmapResult> {
		await this.ready();
		return this.withJob(job.jobId, (signal) => umapTable(job, signal, onProgress));
	}

	/** Recommendation models, their hidden-item evaluation and every customer's top items; cancellable by `jobId`. */
	async recommendItems(job: RecommendJob, onProgress?: (p: TabularProgress) => void): Promise<RecommendResult> {
		await this.ready();
		return this.withJob(job.jobId, (signal) => recommendTable(job, signal, onProgress));
	}

	/** BG/NBD and Gamma-Gamma on a purchase summary (plain arithmetic: no backend needed); cancellable by `jobId`. */
	async customerValue(job: ValueJob, onProgress?: (p: TabularProgress) => void): Promise<ValueJobResult> {
		return this.withJob(job.jobId, (signal) => customerValueTable(job, signal, onProgress));
	}

	/** Kaplan–Meier, log-rank and Cox (plain arithmetic: no backend needed); cancellable by `jobId`. */
	async survival(job: SurvivalJob, onProgress?: (p: TabularProgress) => void): Promise<SurvivalJobResult> {
		return this.withJob(job.jobId, (signal) => survivalTable(job, signal, onProgress));
	}

	/** Trains and compares text models (sentiment, message classes); cancellable by `jobId`. */
	async trainText(job: TextTrainJob, onProgress?: (p: TabularProgress) => void): Promise<TextResult> {
		await this.ready();
		return this.withJob(job.jobId, (signal) => runText(job, signal, onProgress));
	}

	/** Class probabilities of a table's texts with a fitted text model; cancellable by `jobId`. */
	async scoreText(job: TextScoreJob): Promise<ScoreResult> {
		await this.ready();
		return this.withJob(job.jobId, (signal) => scoreTextTable(job, signal));
	}

	/** One text's prediction and word contributions. */
	async explainText(job: TextExplainJob): Promise<TextExplainResult> {
		await this.ready();
		return this.guard(() => explainOneText(job));
	}

	/** A user's word list for the lexicon (no backend needed: plain parsing). */
	async parseWordList(csvText: string): Promise<WordScore[]> {
		return this.guard(async () => readWordList(csvText));
	}

	/** Runs `work` as cancellable job `jobId`, with errors worded for users. */
	private async withJob<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
		const signal = this.startJob(jobId);
		try {
			return await work(signal);
		} catch (e) {
			throw toUserError(e, this.active);
		} finally {
			this.jobs.delete(jobId);
		}
	}

	private async guard<T>(work: () => Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (e) {
			throw toUserError(e, this.active);
		}
	}

	/** Churn probabilities (or class probabilities) for every row of a table. */
	async score(job: ScoreJob): Promise<ScoreResult> {
		await this.ready();
		return this.guard(() => scoreTable(job.table, job.state));
	}

	async cancel(jobId: string): Promise<void> {
		const job = this.jobs.get(jobId);
		if (job) return job.abort();
		// Unknown id: either finished (a late click, harmless) or not started yet.
		this.cancelledEarly.add(jobId);
		if (this.cancelledEarly.size > 100) this.cancelledEarly.delete(this.cancelledEarly.values().next().value!);
	}

	// ---- internals ----

	private ready(): Promise<BackendStatus> {
		return this.initialising ?? this.init('auto');
	}

	private snapshot(): BackendStatus {
		const s: BackendStatus = { active: this.active, overridden: this.overridden, probes: this.probes.map((p) => ({ ...p })) };
		if (this.note) s.note = this.note;
		return s;
	}

	private startJob(jobId: string): AbortSignal {
		if (typeof jobId !== 'string' || !jobId) throw trainError(`invalid jobId: ${jobId}`);
		if (this.jobs.has(jobId)) throw trainError(`invalid jobId: ${jobId} (already running)`);
		const controller = new AbortController();
		this.jobs.set(jobId, controller);
		if (this.cancelledEarly.delete(jobId)) controller.abort();
		return controller.signal;
	}

	/** Returns null on success, else why the backend did not start. */
	private async trySetBackend(name: BackendName): Promise<string | null> {
		try {
			// setBackend resolves false when the backend's initialiser fails.
			if (!(await this.env.tf.setBackend(name))) return 'it could not be initialised';
			await this.env.tf.ready();
			return null;
		} catch (e) {
			return describeError(e);
		}
	}

	/** Switches to the preferred backend, falling back down the list when one fails to start. */
	private async activate(preferred: BackendName | 'auto'): Promise<void> {
		let choice = chooseBackend(this.probes, preferred);
		let note = choice.note;
		const tried = new Set<BackendName>();
		for (;;) {
			const why = await this.trySetBackend(choice.backend);
			if (why === null) break;
			tried.add(choice.backend);
			const failed = choice.backend;
			// Remember the failure so the menu and the compute check skip it.
			this.probes = this.probes.map((p) => (p.name === failed ? { ...p, available: false, note: `failed to start: ${why}` } : p));
			choice = chooseBackend(this.probes, 'auto');
			if (tried.has(choice.backend)) throw trainError(`No compute backend could start: ${why}.`);
			note = `${BACKEND_LABELS[failed]} failed to start (${why}); using ${BACKEND_LABELS[choice.backend]} instead.`;
		}
		this.active = choice.backend;
		this.overridden = choice.overridden;
		this.note = note;
	}

	/** Warm-up + timed `size`x`size` products on one backend; failures become the timing's error. */
	private async timeMatMul(
		name: BackendName,
		size: number,
		signal: AbortSignal,
		step: (k: number) => void
	): Promise<ComputeTiming> {
		const { tf } = this.env;
		const failed = (error: string): ComputeTiming => ({ backend: name, size, ms: null, gflops: null, error });
		throwIfCancelled(signal);
		const why = await this.trySetBackend(name);
		if (why !== null) return failed(`could not start: ${why}`);
		let a: Tensor2D | undefined;
		let b: Tensor2D | undefined;
		try {
			// Seeded so every backend multiplies the same matrices.
			[a, b] = tf.tidy(() => [tf.randomUniform([size, size], 0, 1, 'float32', 1), tf.randomUniform([size, size], 0, 1, 'float32', 2)]);
			const times: number[] = [];
			for (let k = 0; k <= TIMED_RUNS; k++) {
				await nextTask();
				throwIfCancelled(signal);
				const t0 = performance.now();
				const product = tf.matMul(a, b);
				try {
					await product.data(); // GPU backends run lazily: reading back is the sync point
				} finally {
					product.dispose();
				}
				if (k > 0) times.push(performance.now() - t0);
				step(k + 1);
			}
			const ms = median(times);
			return { backend: name, size, ms, gflops: ms > 0 ? (2 * size ** 3) / ms / 1e6 : null };
		} catch (e) {
			if (isCancelled(e)) throw e;
			return failed(describeError(e));
		} finally {
			if (a && b) tf.dispose([a, b]);
		}
	}
}
