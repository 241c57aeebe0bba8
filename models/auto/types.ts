/**
 * The tabular trainer's request and result: shared by the training worker
 * (the churn and segment cells) and `npm run evaluate`, so both run the very
 * same automatic mode.
 */
import type { CurvePoint, ThreadPool } from '../types';
import type { TabularBlendKind, TabularKind } from '../catalog';

export type { TabularKind } from '../catalog';
/** A leaderboard entry: one model kind, or the automatic mode's blend of several. */
export type ResultKind = TabularKind | TabularBlendKind;

export interface TabularRequest {
	target: string;
	/** Positive class of a binary target (default: the minority class); ignored for multiclass. */
	positive: string | null;
	/** Feature columns; null = every sensible column. */
	features: string[] | null;
	/** Columns to keep even if they look like IDs or leaks (the user's override). */
	keep?: string[];
	/** A column whose values are "train"/"test"; null for a stratified split. */
	splitColumn: string | null;
	testFraction: number;
	seed: number;
	/** 'auto' tunes every kind within `budgetS` (and may blend them); a kind tunes only that model. */
	mode: 'auto' | TabularKind;
	budgetS: number;
	cvFolds: number;
}

export const DEFAULT_TABULAR_REQUEST: Omit<TabularRequest, 'target'> = {
	positive: null,
	features: null,
	splitColumn: null,
	testFraction: 0.2,
	seed: 42,
	mode: 'auto',
	budgetS: 60,
	cvFolds: 3
};

/** Test-set quality of one model. Binary: AUC-based; multiclass: accuracy-based (AUC fields then hold macro one-vs-rest values). */
export interface TestMetrics {
	auc: number;
	prAuc: number;
	logloss: number;
	accuracy: number;
	f1: number;
	macroF1: number;
}

/** One configuration the search cross-validated: what differs from the kind's defaults, and its mean CV score. */
export interface TrialRecord {
	params: Record<string, unknown>;
	cvScore: number;
	/** False when the budget cut its folds short (its score was not used). */
	complete: boolean;
	/** The configuration the kind kept (refitted and shown in the leaderboard). */
	kept?: boolean;
}

export interface LeaderboardRow extends TestMetrics {
	kind: ResultKind;
	label: string;
	params: Record<string, unknown>;
	/** Mean cross-validated selection score (AUC binary, accuracy multiclass); null when not cross-validated. */
	cvScore: number | null;
	/** Configurations tried by the search. */
	trials: number;
	/** Each configuration tried, in order (absent in results saved before trials were kept). */
	tried?: TrialRecord[];
	fitMs: number;
}

export interface TrainedModel {
	/** Fitted state, encoded by `models/shared/state-json.ts` (JSON-safe). */
	state: unknown;
	/** Test probabilities row-major (rows × classes). */
	testProbabilities: number[];
	importance: { feature: string; value: number }[];
	importanceMethod: string;
	permutation: { feature: string; value: number }[];
	curve: CurvePoint[];
}

export interface TabularResult {
	task: 'binary' | 'multiclass';
	target: string;
	classes: string[];
	features: { name: string; kind: 'numeric' | 'categorical'; levels?: string[] }[];
	excluded: { column: string; reason: string }[];
	leaderboard: LeaderboardRow[];
	best: ResultKind;
	models: Partial<Record<ResultKind, TrainedModel>>;
	/** Class index of every test row, in the order of `testProbabilities`. */
	testLabels: number[];
	nTrain: number;
	nTest: number;
	/** A seeded sample (≤ 100) of training customers as encoded Features: the reference for linear and kernel SHAP. */
	background: unknown;
	warnings: string[];
	request: TabularRequest;
	/** How the time budget was used (absent in results saved before budgets were kept). */
	budget?: BudgetUse;
}

/** The time budget of a training job and what it bought. */
export interface BudgetUse {
	budgetS: number;
	/** Seconds the trainer ran, from preparing the features to the result. */
	spentS: number;
	/** Kinds the budget had no room for (not trained), with their leaderboard labels. */
	skipped: { kind: TabularKind; label: string }[];
}

export interface TrainerContext {
	progress(p: { fraction: number; stage: string; etaS?: number }): void;
	signal: AbortSignal;
	/** Helper threads for the fits (see FitContext.threads). */
	threads?: ThreadPool;
}
