/**
 * Texts of the Markdown cell.
 */
import { messages } from '$lib/i18n';

export const M = messages({
	/** The cell kind's name in cell headers and lists. */
	label: 'Text',
	add: 'Text',
	markdownPlaceholder: 'Write notes in Markdown…',
	edit: 'Edit',
	done: 'Done'
}, {
	fr: {
		label: 'Texte',
		add: 'Texte',
		markdownPlaceholder: 'Écrivez vos notes en Markdown…',
		edit: 'Modifier',
		done: 'Terminé'
	}
});
