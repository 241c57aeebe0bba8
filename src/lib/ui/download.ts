/** Saving files from the tab: an object URL clicked through `<a download>`, never a network request. */

/**
 * Offers `blob` to the user as a download named `fileName`.
 * @example downloadBlob(new Blob([csv], {type: 'text/csv'}), 'churn.csv')
 */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// Revoking in the same task can cancel the download in some browsers (Firefox, old Safari).
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers text as a download (UTF-8). */
export function downloadText(text: string, fileName: string, type = 'text/plain'): void {
	downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/**
 * A file name from free text: letters, digits, dot, dash and underscore only.
 * @example safeFileName('Churn by plan?', 'svg') // "Churn-by-plan.svg"
 */
export function safeFileName(base: string, extension: string): string {
	const stem = base
		.normalize('NFKD')
		.replace(/[^\w.-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	return `${stem || 'download'}.${extension}`;
}
