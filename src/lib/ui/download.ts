/** Saving files from the tab: an object URL clicked through `<a download>`, never a network request. */

/** A file the user saved, as the record of processing notes it. */
export interface SavedFile {
	name: string;
	bytes: number;
}

const savedListeners = new Set<(file: SavedFile) => void>();

/**
 * Calls `listener` with every file saved from now on (the record of
 * processing lists exports); returns the function that stops it.
 */
export function onSaved(listener: (file: SavedFile) => void): () => void {
	savedListeners.add(listener);
	return () => savedListeners.delete(listener);
}

export interface SaveOptions {
	/** False for a file that holds no customer data (the record itself): not listed as an export. */
	recorded?: boolean;
}

/**
 * Offers `blob` to the user as a download named `fileName`.
 * @example downloadBlob(new Blob([csv], {type: 'text/csv'}), 'churn.csv')
 */
export function downloadBlob(blob: Blob, fileName: string, options: SaveOptions = {}): void {
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
	if (options.recorded !== false) for (const listener of savedListeners) listener({ name: fileName, bytes: blob.size });
}

/** Offers text as a download (UTF-8). */
export function downloadText(text: string, fileName: string, type = 'text/plain', options: SaveOptions = {}): void {
	downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName, options);
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
