/** Both workers reject a job the user cancelled with an error named `CancelledError`. */
export function isCancelledError(e: unknown): boolean {
	return (e as { name?: unknown } | null)?.name === 'CancelledError';
}
