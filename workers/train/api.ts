/**
 * The training worker's public interface. TensorFlow.js runs here; the
 * worker picks the fastest real backend (see `backends.ts`) and the user can
 * override it from the status bar.
 *
 * Long jobs take a `jobId` so the main thread can cancel them with
 * `cancel(jobId)`; progress arrives through a `Comlink.proxy` callback.
 * Errors cross as `{name, message}` worded for users.
 */

/** Backends the workbench knows, fastest first on real hardware. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What one backend is on this machine. */
export interface BackendProbe {
	name: BackendName;
	available: boolean;
	/** Why it is not used by default, e.g. "software WebGPU adapter (SwiftShader)". */
	note?: string;
	/** Adapter or renderer description when known. */
	device?: string;
	/** Hardware-accelerated (not a software fallback). */
	hardware: boolean;
}

export interface BackendStatus {
	active: BackendName;
	/** True when the user chose the backend rather than the automatic chooser. */
	overridden: boolean;
	probes: BackendProbe[];
	/** Why the requested backend is not the active one (unavailable, or failed to start). */
	note?: string;
}

/** One line of the compute check: a matrix product on one backend. */
export interface ComputeTiming {
	backend: BackendName;
	/** Matrix side, e.g. 512 for a 512x512 by 512x512 product. */
	size: number;
	/** Median milliseconds of the timed runs (after one warm-up), or null when it failed. */
	ms: number | null;
	gflops: number | null;
	error?: string;
}

export interface TrainProgress {
	jobId: string;
	stage: string;
	fraction?: number;
}
export type TrainProgressFn = (p: TrainProgress) => void;

/** A table handed to the worker as Arrow IPC bytes (transferred, not copied). */
export interface ArrowTableBytes {
	ipc: Uint8Array;
}

/** Summary the worker computes from a transferred table (proves the bytes arrived intact). */
export interface TableReceipt {
	rowCount: number;
	columns: string[];
	byteLength: number;
}

export interface TrainApi extends TabularApi, ExplainApi, LocalApi, SegmentApi, UmapApi, TextApi, RecommendApi, ValueApi, ExportApi {
	/** Probes backends, picks one (or the user's override) and initialises it. */
	init(preferred?: BackendName | 'auto'): Promise<BackendStatus>;
	status(): Promise<BackendStatus>;
	/** Words the worker's progress and errors in `locale` ("en", "fr") from now on. */
	setLocale(locale: string): Promise<void>;
	/** Switches backend now ('auto' returns to the automatic choice). */
	setBackend(name: BackendName | 'auto'): Promise<BackendStatus>;
	/** Compute check: a timed matrix product on each available backend, reported as each finishes. */
	computeCheck(jobId: string, size: number, onProgress?: TrainProgressFn): Promise<ComputeTiming[]>;
	/** Receives a table as Arrow IPC bytes. */
	receiveTable(table: ArrowTableBytes): Promise<TableReceipt>;
	/** Cancels a running job; its promise rejects with a `CancelledError`. */
	cancel(jobId: string): Promise<void>;
}

/* ---------- Tabular training (churn, segments) ---------- */

export type { BudgetUse, LeaderboardRow, TabularKind, TabularRequest, TabularResult } from '../../models/auto';
import type { TabularRequest, TabularResult } from '../../models/auto';

/** Progress of a training job, with an estimate of the time left. */
export interface TabularProgress {
	jobId: string;
	stage: string;
	fraction: number;
	etaS?: number;
}

/** A training job: the table as Arrow bytes (transferred) and what to train. */
export interface TabularJob {
	jobId: string;
	table: ArrowTableBytes;
	request: TabularRequest;
}

/** Scoring: a fitted model (encoded state) applied to a table. */
export interface ScoreJob {
	jobId: string;
	table: ArrowTableBytes;
	/** Encoded model state (`models/shared/state-json.ts`). */
	state: unknown;
}

/** Probabilities per row and class (row-major), in the table's row order. */
export interface ScoreResult {
	classes: string[];
	probabilities: Float64Array;
	rows: number;
}

export interface TabularApi {
	trainTabular(job: TabularJob, onProgress?: (p: TabularProgress) => void): Promise<TabularResult>;
	score(job: ScoreJob): Promise<ScoreResult>;
}

/* ---------- Explanations ---------- */

export type { ExplainData } from '../../models/explain';
import type { ExplainData } from '../../models/explain';

/** Explain rows of a table with a fitted model. */
export interface ExplainJob {
	jobId: string;
	table: ArrowTableBytes;
	/** Encoded model state. */
	state: unknown;
	/** Encoded background Features (TabularResult.background), for linear and kernel SHAP. */
	background: unknown;
	/** Row indexes to explain; null = every row. */
	rows: number[] | null;
	/** Also return each row's top three reasons as text. */
	reasons: boolean;
	/** Background customers used by kernel SHAP (neural networks); default 50. */
	backgroundSize?: number;
	/** Coalitions kernel SHAP samples per customer; default 512 (fewer: faster, noisier). */
	samples?: number;
}

export interface ExplainResult {
	data: ExplainData;
	/** Per row, up to three reasons such as "contract = Month-to-month (+18 pts)". */
	reasons?: string[][];
}

export interface ExplainApi {
	explain(job: ExplainJob, onProgress?: (p: TabularProgress) => void): Promise<ExplainResult>;
}

/* ---------- One customer: what-if, LIME, counterfactuals; partial dependence ---------- */

/** A customer's values by column name (numbers for numeric columns, text for categories, null when missing). */
export type CustomerValues = Record<string, number | string | null>;

/** A fitted model and one customer. */
export interface CustomerJob {
	jobId: string;
	/** Encoded model state. */
	state: unknown;
	/** Encoded background Features (training sample). */
	background: unknown;
	customer: CustomerValues;
}

export interface LocalApi {
	/** Churn probability of the customer with some values changed. */
	whatIf(job: CustomerJob & { changes: CustomerValues }): Promise<number>;
	/** LIME surrogate for the customer (seeded). */
	lime(job: CustomerJob & { seed: number }): Promise<import('../../models/explain').LimeResult>;
	/** Smallest changes to `actionable` columns bringing the customer below `target`. */
	counterfactuals(job: CustomerJob & { actionable: string[]; target: number }): Promise<import('../../models/explain').CounterfactualResult>;
	/** Partial dependence and ICE of one column over the background sample. */
	dependence(job: Omit<CustomerJob, 'customer'> & { feature: string }, onProgress?: (p: TabularProgress) => void): Promise<import('../../models/explain').DependenceResult>;
}

/* ---------- Production export ---------- */

/** What "Export for production" sends: the encoded state and what the bundle says about it (see models/export/bundle.ts). */
export interface BundleJob extends Omit<import('../../models/export').BundleRequest, 'state' | 'scoreScript'> {
	/** Encoded model state. */
	state: unknown;
}

export interface ExportApi {
	/** The production bundle as a zip: model.onnx, model.xgboost.json (boosted trees), features.json, pipeline.sql, score.py, README.md. */
	productionBundle(job: BundleJob): Promise<Uint8Array>;
}

/* ---------- Segmentation ---------- */

export interface SegmentJob {
	jobId: string;
	table: ArrowTableBytes;
	/** Columns to cluster on; null = every sensible column. */
	columns: string[] | null;
	minK: number;
	maxK: number;
	/** The k to keep; null = the suggested one. */
	k: number | null;
	seed: number;
}

/** One segment's portrait: size, numeric means as z-scores against the whole base, over-represented categories. */
export interface SegmentProfile {
	segment: number;
	size: number;
	share: number;
	/** Column → z-score of the segment's mean against all customers. */
	z: Record<string, number>;
	/** Column → the segment's mean in the column's own unit (tenure in months); absent in results kept before it existed. */
	mean?: Record<string, number>;
	/** Categories most over-represented in the segment (share in segment ÷ share overall), highest lift first, at most 5. */
	categories: { column: string; level: string; lift: number; share: number }[];
}

export interface SegmentResult {
	features: string[];
	excluded: { column: string; reason: string }[];
	candidates: { k: number; inertia: number; silhouette: number; silhouetteRows: number }[];
	suggested: number;
	reason: string;
	k: number;
	/** Segment (0 .. k-1) of every row, in table order. */
	labels: number[];
	/** Silhouette of each row of the chosen k (on the silhouette sample), for the silhouette plot. */
	silhouette: { segment: number; value: number }[];
	/** PCA map of up to 5,000 sampled rows. */
	map: { row: number; x: number; y: number; segment: number }[];
	explained: [number, number];
	profiles: SegmentProfile[];
	numeric: string[];
	/** Numeric column → its mean over all customers (absent in results kept before it existed). */
	overall?: Record<string, number>;
}

export interface SegmentApi {
	segment(job: SegmentJob, onProgress?: (p: TabularProgress) => void): Promise<SegmentResult>;
}

/** A UMAP map of customers (sampled), for the segments cell. */
export interface UmapJob {
	jobId: string;
	table: ArrowTableBytes;
	columns: string[] | null;
	seed: number;
	/** At most this many sampled customers are mapped (UMAP is costly; ≤ 50,000). */
	maxRows: number;
}

export interface UmapResult {
	points: { row: number; x: number; y: number }[];
	sampled: boolean;
}

export interface UmapApi {
	umap(job: UmapJob, onProgress?: (p: TabularProgress) => void): Promise<UmapResult>;
}

/* ---------- Text: sentiment and message classes ---------- */

export type { LexiconOptions, LexiconSource, TextKind, TextModelRow, TextRequest, TextResult, TextResultKind } from '../../models/text';
export type { TermWeight, TextExplanation, TokenContribution } from '../../models/text';
import type { TextRequest, TextResult, TextExplanation } from '../../models/text';

/** A text training job: the table as Arrow bytes (transferred) and what to train. */
export interface TextTrainJob {
	jobId: string;
	table: ArrowTableBytes;
	request: TextRequest;
}

/** Scoring the texts of one column of a table with a fitted text-model state. */
export interface TextScoreJob {
	jobId: string;
	table: ArrowTableBytes;
	textColumn: string;
	/** A state from `TextResult.states` (plain data, as the trainer returned it). */
	state: unknown;
}

/** Explaining one text with a fitted state. */
export interface TextExplainJob {
	state: unknown;
	text: string;
	/** Class to explain; null = the positive class of a binary model, else the predicted class. */
	classIndex: number | null;
}

/** One text's class probabilities and the words that pushed it towards `explanation.classIndex`. */
export interface TextExplainResult {
	explanation: TextExplanation;
	classes: string[];
	probabilities: number[];
}

/** One entry of a user's word list (CSV word,score): negative scores mean bad. */
export interface WordScore {
	word: string;
	score: number;
}

export interface TextApi {
	/** Trains and compares text models (or, without a label column, readies the lexicon and pretrained model). */
	trainText(job: TextTrainJob, onProgress?: (p: TabularProgress) => void): Promise<TextResult>;
	/** Class probabilities for every row of a table (missing texts score as empty ones). */
	scoreText(job: TextScoreJob): Promise<ScoreResult>;
	explainText(job: TextExplainJob): Promise<TextExplainResult>;
	/** Reads a CSV word list; the error says what is wrong with the file. */
	parseWordList(csvText: string): Promise<WordScore[]>;
}

/* ---------- Recommendations ---------- */

export type { RecommendKind, RecommendMetric, RecommendRequest, RecommendResult, TopItems } from '../../models/recommend';
import type { RecommendRequest, RecommendResult } from '../../models/recommend';

/** A recommendation job: the table as Arrow bytes (transferred) and what to fit and evaluate. */
export interface RecommendJob {
	jobId: string;
	table: ArrowTableBytes;
	request: RecommendRequest;
}

export interface RecommendApi {
	/** Fits and evaluates the recommenders (hidden items), tunes the hybrid and ranks every customer's items; cancellable by `jobId`. */
	recommendItems(job: RecommendJob, onProgress?: (p: TabularProgress) => void): Promise<RecommendResult>;
}

/* ---------- Customer value and churn timing ---------- */

export type { BgNbdParams, CustomerValueResult, FitReport, GammaGammaParams, ValueRequest } from '../../models/value';
export type { CoxModel, LogRankResult, SurvivalCurve, SurvivalResult } from '../../models/survival';
import type { CustomerValueResult, ValueRequest } from '../../models/value';
import type { SurvivalResult } from '../../models/survival';

/** What the value job needs beyond the models' request: the holdout and the cohort's first purchases (tracking chart). */
export interface ValueJobRequest extends ValueRequest {
	/** Units of the holdout; null without one. */
	holdoutPeriods: number | null;
	/** Customers by first purchase, in units since the log's first day. */
	births: { at: number; customers: number }[];
	/** Units from the log's first day to the end of the data (calibration + holdout). */
	trackingPeriods: number;
}

/** A customer value job: the purchase summary (one row per customer) as Arrow bytes. */
export interface ValueJob {
	jobId: string;
	table: ArrowTableBytes;
	request: ValueJobRequest;
}

export interface ValueJobResult extends CustomerValueResult {
	/** Time the job took in the worker (both fits, every customer's values, the views' figures). */
	elapsedMs: number;
	/** Per customer: expected repeat purchase days in the holdout given the calibration; null without a holdout. */
	holdoutExpected: Float64Array | null;
	/** The cohort's expected cumulative repeat purchases at the end of each unit since the first day. */
	tracking: { period: number[]; expected: number[] };
	/** P(alive) of a customer of the oldest age, by frequency and recency. */
	matrix: { frequency: number[]; recency: number[]; value: Float64Array };
}

/** Which columns say how long each customer stayed and whether they left. */
export interface SurvivalJobRequest {
	duration: string;
	event: string;
	/** The event column's value that marks a churned customer (as text, e.g. "Yes" or "1"). */
	eventValue: string;
	group: string | null;
	covariates: string[];
	/** Times at which survival is reported (in the duration's unit). */
	times: number[];
}

/** A survival job: the customer table as Arrow bytes. */
export interface SurvivalJob {
	jobId: string;
	table: ArrowTableBytes;
	request: SurvivalJobRequest;
}

export interface SurvivalJobResult extends SurvivalResult {
	/** Time the job took in the worker (curves, test, Cox fit, every customer's predictions). */
	elapsedMs: number;
	/** The times survival is reported at (the request's). */
	times: number[];
	/** Customers analysed (rows with a duration and an event status). */
	customers: number;
	/** Per source row (NaN for rows left out or without a Cox model): exp(linear predictor), predicted median, S at each requested time. */
	perCustomer: { relativeRisk: Float64Array; median: Float64Array; at: Float64Array[] };
}

export interface ValueApi {
	/** BG/NBD and Gamma-Gamma on a purchase summary, each customer's value and the holdout figures; cancellable by `jobId`. */
	customerValue(job: ValueJob, onProgress?: (p: TabularProgress) => void): Promise<ValueJobResult>;
	/** Kaplan–Meier, log-rank and Cox on a customer table; cancellable by `jobId`. */
	survival(job: SurvivalJob, onProgress?: (p: TabularProgress) => void): Promise<SurvivalJobResult>;
}
