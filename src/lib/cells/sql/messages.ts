/**
 * Texts of the SQL cell.
 */
import { messages } from '$lib/i18n';

export const M = messages({
	add: 'SQL',
	action: (view: string) => (view ? `runs SQL, saved as ${view}:` : 'runs SQL:'),
	sqlPlaceholder: 'SELECT * FROM wa_churn LIMIT 10',
	sqlRunning: (seconds: number) => `Running… ${seconds.toFixed(1)} s`,
	sqlCancel: 'Cancel query',
	sqlCancelled: 'Query cancelled: nothing was saved as its result. Edit it (e.g. add a LIMIT or a WHERE) and run it again.',
	sqlHint: 'Ctrl/Cmd+Enter runs, Shift+Enter runs and moves on',
	resultName: 'Result name',
	savedAsView: 'saved as view'
});
