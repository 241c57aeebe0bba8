/**
 * Why a notebook file could not be written or read. The interface maps each
 * code to a translated sentence, so the message here stays short, in code
 * English, for logs and tests; `detail` says which entry or what was wrong.
 */

export type NotebookFileProblemCode =
	| 'not-notebook-file' // not a file this workbench writes (or another kind of zip)
	| 'damaged' // ours, but cut short or malformed
	| 'newer-version' // written by a newer workbench: upgrading, not guessing, is the answer
	| 'wrong-passphrase'
	| 'altered' // the passphrase is right but the content changed after it was saved
	| 'too-large' // refused before unpacking, so a small file cannot exhaust memory
	| 'empty-passphrase';

const MESSAGES: Record<NotebookFileProblemCode, string> = {
	'not-notebook-file': 'not a notebook file',
	damaged: 'notebook file damaged',
	'newer-version': 'notebook file from a newer version',
	'wrong-passphrase': 'wrong passphrase',
	altered: 'notebook file altered after it was saved',
	'too-large': 'notebook file too large to open',
	'empty-passphrase': 'empty passphrase'
};

export class NotebookFileProblem extends Error {
	override name = 'NotebookFileProblem';

	constructor(
		readonly code: NotebookFileProblemCode,
		readonly detail = ''
	) {
		super(detail ? `${MESSAGES[code]}: ${detail}` : MESSAGES[code]);
	}
}
