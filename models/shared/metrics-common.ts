/**
 * Helpers shared by the binary metrics (`metrics.ts`, `metrics-campaign.ts`):
 * input checks, customers sorted best score first, and runs of tied scores as
 * blocks, because every curve moves one distinct threshold at a time.
 */

/** A run of equal scores in descending order; positions are in the sorted order, `end` exclusive. */
export interface ScoreGroup {
	score: number;
	start: number;
	end: number;
	/** Positives inside this run. */
	positives: number;
	/** Positives among the first `end` customers. */
	cumPositives: number;
}

/** Row indices, highest score first; NaN scores go last (they never pass a threshold). */
export function scoreOrder(scores: ArrayLike<number>): Uint32Array {
	const order = new Uint32Array(scores.length);
	for (let i = 0; i < order.length; i++) order[i] = i;
	const key = (i: number) => (Number.isNaN(scores[i]) ? -Infinity : scores[i]);
	// Equal scores keep row order (the sort is stable), so results are deterministic.
	return order.sort((a, b) => key(b) - key(a) || 0);
}

/** Distinct scores, highest first, with the positives up to and inside each. */
export function descendingGroups(labels: ArrayLike<number>, scores: ArrayLike<number>): ScoreGroup[] {
	const order = scoreOrder(scores);
	const groups: ScoreGroup[] = [];
	let cumPositives = 0;
	let m = 0;
	while (m < order.length) {
		const score = scores[order[m]];
		const start = m;
		let positives = 0;
		// Object.is groups NaN with NaN; otherwise plain equality.
		while (m < order.length && (scores[order[m]] === score || Object.is(scores[order[m]], score))) {
			if (labels[order[m]] === 1) positives++;
			m++;
		}
		cumPositives += positives;
		groups.push({ score, start, end: m, positives, cumPositives });
	}
	return groups;
}

/** Checks equal lengths; returns n and the number of positives. */
export function classCounts(labels: ArrayLike<number>, scores: ArrayLike<number>): { n: number; positives: number } {
	if (labels.length !== scores.length) throw new Error(`invalid scores: ${scores.length} scores for ${labels.length} labels`);
	let positives = 0;
	for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
	return { n: labels.length, positives };
}

/** Bin and step counts must be positive integers. */
export function checkBins(bins: number): void {
	if (!Number.isInteger(bins) || bins < 1) throw new Error(`invalid bins: ${bins}`);
}
