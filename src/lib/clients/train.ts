/**
 * Main-thread client of the training worker. The worker (and TF.js with it) is
 * created on first use only, once per page, so the first page stays light.
 * Components use these functions; they never call `new Worker` themselves.
 */
import * as Comlink from 'comlink';
import trainWorkerUrl from '$workers/train/worker.ts?worker&url';
import { startPolicyWorker } from '$workers/shared/policy-worker';
import { liveProgress } from './progress';
import type {
	BackendName,
	BundleJob,
	BackendStatus,
	ComputeTiming,
	TableReceipt,
	TrainApi,
	TrainProgress,
	TrainProgressFn,
	CustomerValues,
	ExplainResult,
	ScoreResult,
	SegmentJob,
	TabularProgress,
	UmapJob,
	TabularRequest,
	TabularResult,
	TextExplainResult,
	TextRequest,
	TextResult,
	WordScore,
	RecommendRequest,
	RecommendResult,
	SurvivalJobRequest,
	SurvivalJobResult,
	ValueJobRequest,
	ValueJobResult
} from '$workers/train/api';
import { cancelledError } from '$models/shared';

export type {
	BundleJob,
	BackendName,
	BackendProbe,
	BackendStatus,
	BudgetUse,
	ComputeTiming,
	CustomerValues,
	LeaderboardRow,
	LexiconSource,
	RecommendKind,
	RecommendMetric,
	RecommendRequest,
	RecommendResult,
	SegmentResult,
	TopItems,
	TableReceipt,
	TabularProgress,
	TabularRequest,
	TabularResult,
	TermWeight,
	TextExplainResult,
	TextExplanation,
	TextKind,
	TextModelRow,
	TextRequest,
	TextResult,
	TokenContribution,
	TrainProgress,
	WordScore,
	BgNbdParams,
	CoxModel,
	FitReport,
	GammaGammaParams,
	LogRankResult,
	SurvivalCurve,
	SurvivalJobRequest,
	SurvivalJobResult,
	ValueJobRequest,
	ValueJobResult
} from '$workers/train/api';

export type BackendPreference = BackendName | 'auto';

/** localStorage key of the user's backend override. */
export const BACKEND_KEY = 'crm.backend';
const PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

let remote: Comlink.Remote<TrainApi> | null = null;
let worker: Worker | null = null;
let started: Promise<BackendStatus> | null = null;

/** The worker's proxy, creating the worker on the first call. Prefer `startTrain()` to get it initialised. */
export function getTrain(): Comlink.Remote<TrainApi> {
	if (!remote) {
		worker = startPolicyWorker(trainWorkerUrl, 'train');
		remote = Comlink.wrap<TrainApi>(worker);
		void remote.setLocale(spoken);
	}
	return remote;
}

/** The page's language, sent to the worker when it starts and on each switch. */
let spoken = 'en';

/** Words the worker's notes and errors in `locale` from now on (told at its start when it has not started yet). */
export function setTrainLocale(locale: string): void {
	spoken = locale;
	if (remote) void remote.setLocale(locale);
}

/** True once something has started the worker (the status bar shows "not started" before). */
export function isTrainStarted(): boolean {
	return remote !== null;
}

const startListeners = new Set<(status: BackendStatus) => void>();

/** Calls `listener` each time the worker's backend has started, whoever started it (the status bar follows cells). */
export function onTrainStarted(listener: (status: BackendStatus) => void): () => void {
	startListeners.add(listener);
	return () => startListeners.delete(listener);
}

/** Starts the worker and its backend with the saved preference; later calls share the first answer. */
export function startTrain(): Promise<BackendStatus> {
	if (!started) {
		started = getTrain().init(loadBackendPreference());
		started.then(
			(status) => startListeners.forEach((listener) => listener(status)),
			// A failed start may be retried (e.g. after the user picks another backend).
			() => (started = null)
		);
	}
	return started;
}

export function loadBackendPreference(): BackendPreference {
	try {
		const saved = globalThis.localStorage?.getItem(BACKEND_KEY);
		return PREFERENCES.includes(saved as BackendPreference) ? (saved as BackendPreference) : 'auto';
	} catch {
		return 'auto'; // storage blocked (privacy settings): behave as a fresh visit
	}
}

function saveBackendPreference(choice: BackendPreference): void {
	try {
		if (choice === 'auto') globalThis.localStorage?.removeItem(BACKEND_KEY);
		else globalThis.localStorage?.setItem(BACKEND_KEY, choice);
	} catch {
		/* not persisted; the choice still applies to this page */
	}
}

/** The worker's current backend status (starts the worker if needed). */
export async function getTrainStatus(): Promise<BackendStatus> {
	await startTrain();
	return getTrain().status();
}

/** Switches backend now and remembers the choice for next visits. */
export async function setBackendPreference(choice: BackendPreference): Promise<BackendStatus> {
	saveBackendPreference(choice);
	await startTrain();
	return getTrain().setBackend(choice);
}

/**
 * Hands a table to the worker as Arrow IPC bytes, transferred rather than copied.
 * After the call the caller's `ipc.buffer` is detached (length 0): pass a copy
 * (`ipc.slice()`) if you still need the bytes. If `ipc` is a view into a larger
 * buffer, the whole buffer is transferred.
 */
export function sendTable(ipc: Uint8Array): Promise<TableReceipt> {
	// A SharedArrayBuffer cannot be transferred (and needs no transfer).
	const transfer = ipc.buffer instanceof ArrayBuffer ? [ipc.buffer] : [];
	return getTrain().receiveTable(Comlink.transfer({ ipc }, transfer));
}

let jobSeq = 0;

/** A fresh id for a cancellable job. crypto.randomUUID needs a secure context, so not used. */
export function newJobId(): string {
	const salt = Math.floor(Math.random() * 0x1_0000_0000).toString(36);
	return `job-${++jobSeq}-${salt}`;
}

export function cancelJob(jobId: string): Promise<void> {
	return getTrain().cancel(jobId);
}

/**
 * Runs the compute check (a matrix product on each available backend).
 * Keep `jobId` to `cancelJob(jobId)`; `result` then rejects with name 'CancelledError'.
 */
export function runComputeCheck(
	size: number,
	onProgress?: TrainProgressFn
): { jobId: string; result: Promise<ComputeTiming[]> } {
	const jobId = newJobId();
	const progress = liveProgress(onProgress);
	const result = startTrain()
		.then(() => getTrain().computeCheck(jobId, size, progress.proxy))
		.finally(progress.end);
	return { jobId, result };
}

export { isCancelledError } from './cancelled';

/** The text to show for an error from the worker (already worded for users there). */
export function errorText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/* ---------- Tabular training and scoring ---------- */

/** Jobs in flight, so a stuck one can be stopped for sure (see `stopJob`). */
const running = new Map<string, (e: Error) => void>();

/**
 * Trains the tabular models on `ipc` (an Arrow table; its buffer is transferred).
 * Keep `jobId` for `stopJob(jobId)`.
 */
export function trainTabular(
	ipc: Uint8Array,
	request: TabularRequest,
	onProgress?: (p: TabularProgress) => void
): { jobId: string; result: Promise<TabularResult> } {
	return runJob(
		(jobId, progress) => getTrain().trainTabular(Comlink.transfer({ jobId, table: { ipc }, request }, transferList(ipc)), progress),
		onProgress
	);
}

/** The buffer of `ipc` to transfer (a SharedArrayBuffer is shared, not transferred). */
function transferList(ipc: Uint8Array): ArrayBuffer[] {
	return ipc.buffer instanceof ArrayBuffer ? [ipc.buffer] : [];
}

type OnProgress = (p: TabularProgress) => void;

/**
 * Starts a cancellable job once the worker is ready; `stopJob(jobId)` can end it for sure.
 * `call` gets the progress callback to pass on; it is silenced once `result` settles.
 */
function runJob<T>(call: (jobId: string, progress: OnProgress | undefined) => Promise<T>, onProgress?: OnProgress): { jobId: string; result: Promise<T> } {
	const jobId = newJobId();
	const progress = liveProgress(onProgress);
	const result = new Promise<T>((resolve, reject) => {
		running.set(jobId, reject);
		startTrain()
			.then(() => call(jobId, progress.proxy))
			.then(resolve, reject)
			.finally(() => running.delete(jobId));
	}).finally(progress.end);
	return { jobId, result };
}

/** Churn (or class) probabilities for every row of `ipc` with an encoded model state. */
export async function scoreTable(ipc: Uint8Array, state: unknown): Promise<ScoreResult> {
	await startTrain();
	return getTrain().score(Comlink.transfer({ jobId: newJobId(), table: { ipc }, state }, transferList(ipc)));
}

/** The production bundle (a zip) of an encoded model: see `ExportApi`. */
export async function productionBundle(job: BundleJob): Promise<Uint8Array> {
	await startTrain();
	return getTrain().productionBundle(job);
}

/** How long a job may take to honour a cancel before its worker is stopped outright. */
const STOP_GRACE_MS = 800;

/**
 * Cancels a job within a second: the worker is asked first (it stops between
 * fits); if it is inside one long computation it is terminated and a fresh one
 * starts on the next use.
 */
export async function stopJob(jobId: string): Promise<void> {
	const reject = running.get(jobId);
	void cancelJob(jobId).catch(() => undefined);
	if (!reject) return;
	await new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS));
	if (!running.has(jobId)) return;
	worker?.terminate();
	worker = null;
	remote = null;
	started = null;
	reject(cancelledError());
	running.delete(jobId);
}

/* ---------- Explanations ---------- */

/**
 * SHAP explanations of rows of `ipc` (an Arrow table; its buffer is transferred) with an encoded
 * model state and its background sample. `sampling` sets kernel SHAP's background size and
 * coalitions (neural networks). Keep `jobId` for `stopJob(jobId)`.
 */
export function explainRows(
	ipc: Uint8Array,
	model: { state: unknown; background: unknown },
	rows: number[] | null,
	reasons: boolean,
	onProgress?: (p: TabularProgress) => void,
	sampling: { backgroundSize?: number; samples?: number } = {}
): { jobId: string; result: Promise<ExplainResult> } {
	return runJob(
		(jobId, progress) =>
			getTrain().explain(
				Comlink.transfer({ jobId, table: { ipc }, state: model.state, background: model.background, rows, reasons, ...sampling }, transferList(ipc)),
				progress
			),
		onProgress
	);
}

/* ---------- One customer ---------- */

type Model = { state: unknown; background: unknown };

/** Churn probability of `customer` with `changes` applied. */
export async function whatIfProbability(model: Model, customer: CustomerValues, changes: CustomerValues): Promise<number> {
	await startTrain();
	return getTrain().whatIf({ jobId: newJobId(), ...model, customer, changes });
}

export function limeFor(model: Model, customer: CustomerValues, seed: number) {
	return runJob((jobId) => getTrain().lime({ jobId, ...model, customer, seed }));
}

export function counterfactualsFor(model: Model, customer: CustomerValues, actionable: string[], target: number) {
	return runJob((jobId) => getTrain().counterfactuals({ jobId, ...model, customer, actionable, target }));
}

export function dependenceOf(model: Model, feature: string, onProgress?: (p: TabularProgress) => void) {
	return runJob((jobId, progress) => getTrain().dependence({ jobId, ...model, feature }, progress), onProgress);
}

/* ---------- Segmentation ---------- */

export function segmentCustomers(ipc: Uint8Array, request: Omit<SegmentJob, 'jobId' | 'table'>, onProgress?: (p: TabularProgress) => void) {
	return runJob((jobId, progress) => getTrain().segment(Comlink.transfer({ jobId, table: { ipc }, ...request }, transferList(ipc)), progress), onProgress);
}

export function umapCustomers(ipc: Uint8Array, request: Omit<UmapJob, 'jobId' | 'table'>, onProgress?: (p: TabularProgress) => void) {
	return runJob((jobId, progress) => getTrain().umap(Comlink.transfer({ jobId, table: { ipc }, ...request }, transferList(ipc)), progress), onProgress);
}

/* ---------- Text: sentiment and message classes ---------- */

/**
 * Trains and compares the text models on `ipc` (an Arrow table; its buffer is
 * transferred). With `request.target` null it only readies the lexicon and the
 * shipped pretrained model. Keep `jobId` for `stopJob(jobId)`.
 */
export function trainText(ipc: Uint8Array, request: TextRequest, onProgress?: (p: TabularProgress) => void): { jobId: string; result: Promise<TextResult> } {
	return runJob((jobId, progress) => getTrain().trainText(Comlink.transfer({ jobId, table: { ipc }, request }, transferList(ipc)), progress), onProgress);
}

/** Class probabilities for the texts of `textColumn` in every row of `ipc` (transferred). Cancellable. */
export function scoreTexts(ipc: Uint8Array, textColumn: string, state: unknown): { jobId: string; result: Promise<ScoreResult> } {
	return runJob((jobId) => getTrain().scoreText(Comlink.transfer({ jobId, table: { ipc }, textColumn, state }, transferList(ipc))));
}

/** One text's prediction and the weight of each of its words (`classIndex` null: positive or predicted class). */
export async function explainText(state: unknown, text: string, classIndex: number | null = null): Promise<TextExplainResult> {
	await startTrain();
	return getTrain().explainText({ state, text, classIndex });
}

/** A user's CSV word list (word,score) for the lexicon; rejects with what is wrong with the file. */
export function parseWordList(csvText: string): Promise<WordScore[]> {
	return getTrain().parseWordList(csvText);
}

/* ---------- Recommendations ---------- */

/**
 * Fits and evaluates the recommendation models on `ipc` (an Arrow table; its buffer is
 * transferred), tunes the hybrid and ranks every customer's items. Progress carries the
 * time left; keep `jobId` for `stopJob(jobId)`.
 */
export function recommendItems(ipc: Uint8Array, request: RecommendRequest, onProgress?: (p: TabularProgress) => void): { jobId: string; result: Promise<RecommendResult> } {
	return runJob((jobId, progress) => getTrain().recommendItems(Comlink.transfer({ jobId, table: { ipc }, request }, transferList(ipc)), progress), onProgress);
}

/** BG/NBD and Gamma-Gamma on a purchase summary (Arrow bytes, transferred); keep `jobId` for `stopJob(jobId)`. */
export function customerValue(ipc: Uint8Array, request: ValueJobRequest, onProgress?: (p: TabularProgress) => void): { jobId: string; result: Promise<ValueJobResult> } {
	return runJob((jobId, progress) => getTrain().customerValue(Comlink.transfer({ jobId, table: { ipc }, request }, transferList(ipc)), progress), onProgress);
}

/** Kaplan–Meier, log-rank and Cox on a customer table (Arrow bytes, transferred); keep `jobId` for `stopJob(jobId)`. */
export function survivalAnalysis(ipc: Uint8Array, request: SurvivalJobRequest, onProgress?: (p: TabularProgress) => void): { jobId: string; result: Promise<SurvivalJobResult> } {
	return runJob((jobId, progress) => getTrain().survival(Comlink.transfer({ jobId, table: { ipc }, request }, transferList(ipc)), progress), onProgress);
}
