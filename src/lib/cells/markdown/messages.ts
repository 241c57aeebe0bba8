/**
 * Texts of the Markdown cell.
 */
import { messages } from '$lib/i18n';

export const M = messages({
	add: 'Text',
	markdownPlaceholder: 'Write notes in Markdown…',
	edit: 'Edit',
	done: 'Done'
}, {
	fr: {
		add: 'Texte',
		markdownPlaceholder: 'Écrivez vos notes en Markdown…',
		edit: 'Modifier',
		done: 'Terminé'
	}
});
