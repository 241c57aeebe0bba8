/**
 * Texts of the SQL cell.
 */
import { messages } from '$lib/i18n';

export const M = messages({
	/** The cell kind's name in cell headers and lists. */
	label: 'SQL',
	add: 'SQL',
	action: (view: string) => (view ? `runs SQL, saved as ${view}:` : 'runs SQL:'),
	sqlPlaceholder: 'SELECT * FROM wa_churn LIMIT 10',
	editorLabel: 'SQL query',
	sqlRunning: (seconds: number) => `Running… ${seconds.toFixed(1)} s`,
	sqlCancel: 'Cancel query',
	sqlCancelled: 'Query cancelled: nothing was saved as its result. Edit it (e.g. add a LIMIT or a WHERE) and run it again.',
	sqlHint: 'Ctrl/Cmd+Enter runs, Shift+Enter runs and moves on',
	resultName: 'Result name',
	savedAsView: 'saved as view'
}, {
	fr: {
		label: 'SQL',
		add: 'SQL',
		action: (view) => (view ? `exécute du SQL, enregistré sous ${view} :` : 'exécute du SQL :'),
		sqlPlaceholder: 'SELECT * FROM wa_churn LIMIT 10',
		editorLabel: 'Requête SQL',
		sqlRunning: (seconds) => `Exécution… ${seconds.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`,
		sqlCancel: 'Annuler la requête',
		sqlCancelled: 'Requête annulée : rien n’a été enregistré comme résultat. Modifiez-la (par exemple en ajoutant un LIMIT ou un WHERE) et relancez-la.',
		sqlHint: 'Ctrl/Cmd+Entrée exécute, Maj+Entrée exécute et passe à la suite',
		resultName: 'Nom du résultat',
		savedAsView: 'enregistré comme vue'
	}
});
