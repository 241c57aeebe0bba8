/**
 * The time budget of one training job as a single clock: every decision
 * (start another trial or not, when a fit must stop) and the time left shown
 * to the user derive from the same deadline, so the estimate reaches 0 when
 * the job ends rather than before or long after.
 */

/** Kept free at the end for the blend, the explanation background and the result. */
const REPORT_MS = { fixed: 150, share: 0.02 };

export class BudgetClock {
	readonly started: number;
	/** When the job has to be done, report included. */
	readonly deadline: number;
	/** When the last model must be evaluated: the deadline less the report's share. */
	readonly workEnd: number;
	/** Planned end as last shown: it only moves earlier, so the time left never goes up. */
	private shownEnd: number;

	constructor(budgetS: number, now = performance.now()) {
		const budgetMs = Math.max(1, budgetS) * 1000;
		this.started = now;
		this.deadline = now + budgetMs;
		this.workEnd = this.deadline - Math.min(budgetMs * 0.2, REPORT_MS.fixed + budgetMs * REPORT_MS.share);
		this.shownEnd = this.deadline;
	}

	now(): number {
		return performance.now();
	}

	/** Milliseconds since the start. */
	elapsed(): number {
		return this.now() - this.started;
	}

	/**
	 * Fraction done and seconds left for the progress line, given the planned end of the
	 * remaining work (never later than the deadline). Both move one way only.
	 */
	progress(plannedEnd = this.deadline): { fraction: number; etaS: number } {
		const now = this.now();
		this.shownEnd = Math.max(now, Math.min(this.shownEnd, plannedEnd, this.deadline));
		const span = this.shownEnd - this.started;
		return { fraction: span > 0 ? Math.min(0.99, (now - this.started) / span) : 0.99, etaS: Math.max(0, (this.shownEnd - now) / 1000) };
	}
}
