/**
 * The model contract: every learner (gradient-boosted trees, random forest,
 * logistic regression, neural network, k-means later) is a `ModelSpec`.
 * Models are pure TypeScript over typed arrays: they run the same in Node
 * (tests, `npm run evaluate`) and in the training worker.
 */

/** A numeric feature: NaN marks a missing value. */
export interface NumericColumn {
	name: string;
	kind: 'numeric';
	values: Float64Array;
}

/** A categorical feature as codes into `levels`; -1 marks a missing value. */
export interface CategoricalColumn {
	name: string;
	kind: 'categorical';
	codes: Int32Array;
	levels: string[];
}

export type FeatureColumn = NumericColumn | CategoricalColumn;

/** Column-oriented features: every column has `rows` entries. */
export interface Features {
	rows: number;
	columns: FeatureColumn[];
}

/** Training data: features plus the class index of each row (0 .. classes.length-1). */
export interface Dataset {
	X: Features;
	y: Int32Array;
	/** Class labels; for a binary task index 1 is the positive class (e.g. churn = "Yes"). */
	classes: string[];
	/** Optional per-row weights (class weighting). */
	weights?: Float64Array;
}

/** Probabilities, row-major: `probabilities[row * classes.length + k]`. */
export interface Prediction {
	classes: string[];
	probabilities: Float64Array;
}

/** One point of a training curve (loss per boosting round / epoch). */
export interface CurvePoint {
	step: number;
	trainLoss: number;
	validLoss?: number;
}

export interface FitProgress {
	/** 0..1 of the planned work. */
	fraction: number;
	stage: string;
	curve?: CurvePoint;
}

export interface FitContext {
	/** All randomness derives from this seed: same data, params and seed give the same state. */
	seed: number;
	progress(p: FitProgress): void;
	/** Aborting it makes `fit` reject with an error named 'CancelledError' within about a second. */
	signal: AbortSignal;
	/** Rows held out for early stopping (never the test rows). */
	validation?: Dataset;
	/**
	 * A time on the `performance.now()` clock (ms) after which the learner adds no more trees,
	 * rounds or epochs and returns what it has learned so far: the time budget's deadline.
	 * Unlike `signal`, it ends in a usable model. Learners without stages may ignore it.
	 */
	stopAt?: number;
	/**
	 * Helper threads the learner may spread its rows over (Web Workers in the
	 * browser, worker threads in Node). Absent: everything runs on this thread.
	 * Results never depend on it: same data, params and seed give the same state.
	 */
	threads?: ThreadPool;
}

/** A message to a helper thread: which task, which of its sessions, and the request. */
export interface ThreadMessage {
	task: string;
	session: string;
	request: unknown;
}

/**
 * Helper threads running `serveThread` (models/threads). Requests to one
 * thread are answered in order; a thread keeps its sessions' data between
 * requests, so only small messages (histograms, splits) cross per step.
 */
export interface ThreadPool {
	readonly size: number;
	/** Rows below which a learner stays on its own thread: messages would cost more than they save. */
	readonly minRows: number;
	request(thread: number, message: ThreadMessage, transfer?: ArrayBuffer[], watch?: ThreadWatch): Promise<unknown>;
}

/** For long requests: the fractions done the thread reports before it answers, and a cancel. */
export interface ThreadWatch {
	progress?(fraction: number): void;
	/** Aborting it asks the thread to end the request: it rejects with a 'CancelledError' at the work's next pause. */
	signal?: AbortSignal;
}

/** Global importance of each input column (by the column's original name). */
export interface Explanation {
	importance: { feature: string; value: number }[];
	/** What the values mean, e.g. "total split gain". */
	method: string;
}

/** The state every model returns: plain data (typed arrays allowed), JSON- and structuredClone-safe. */
export interface ModelState {
	kind: string;
	version: number;
	classes: string[];
	/** Feature names and kinds the model was fitted on, in order (scoring checks them). */
	features: { name: string; kind: 'numeric' | 'categorical'; levels?: string[] }[];
	/** Training curve, when the model has one. */
	curve?: CurvePoint[];
}

export interface ModelSpec<P extends object, S extends ModelState> {
	/** Stable key, persisted in notebooks and model files: never rename. */
	kind: string;
	/** Name shown in the leaderboard. */
	label: string;
	/** Every hyperparameter with its default. */
	defaults: P;
	fit(data: Dataset, params: P, ctx: FitContext): Promise<S>;
	predict(state: S, X: Features): Promise<Prediction>;
	explain(state: S, X: Features): Promise<Explanation>;
}
