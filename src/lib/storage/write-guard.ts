/**
 * One switch that stops every write of this tab to browser storage. "Delete
 * all local data" turns it off in every tab before erasing, so a save still
 * pending (a debounced edit, a result being kept) cannot bring back what was
 * just deleted.
 */
let stopped = false;

/** True while this tab may write notebooks and results. */
export function writesAllowed(): boolean {
	return !stopped;
}

export function stopWrites(): void {
	stopped = true;
}

export function resumeWrites(): void {
	stopped = false;
}
