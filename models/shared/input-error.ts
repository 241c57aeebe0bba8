/**
 * Errors about the data or settings a model was given ("the target has only
 * one value"), worded for users. Their name tells the training worker to show
 * them as they are: anything else thrown while training is blamed on the
 * compute backend, with a hint to switch backends, which would mislead here.
 */
export const INPUT_ERROR = 'InputError';

/** An Error named `InputError`, with a message a CRM analyst can act on. */
export function inputError(message: string): Error {
	const e = new Error(message);
	e.name = INPUT_ERROR;
	return e;
}

export function isInputError(e: unknown): boolean {
	return e instanceof Error && e.name === INPUT_ERROR;
}
