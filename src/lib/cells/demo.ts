/**
 * The churn demo's cells: a note, the telco table shipped with the app, its
 * profile, churn by contract as a chart and as SQL, and a churn model.
 */
import { messages } from '$lib/i18n';
import type { NotebookCell } from '$lib/notebook';
import { newCell } from './definitions';

/** The demo's note, written in the interface's language when the demo is opened (it is then the user's text). */
export const DEMO_TEXT = messages(
	{
		note:
			'# Telco customer churn\n\n' +
			'7,043 customers of a telecom operator (IBM Watson sample, via the *modeldata* R package). ' +
			'`churn` says whether the customer left. Everything below runs in this tab: edit a cell and press **Ctrl/Cmd+Enter**.'
	},
	{
		fr: {
			note:
				'# Attrition des clients d’un opérateur télécom\n\n' +
				'7 043 clients d’un opérateur télécom (échantillon IBM Watson, via le paquet R *modeldata*). ' +
				'`churn` indique si le client est parti. Tout ce qui suit s’exécute dans cet onglet : modifiez une cellule et appuyez sur **Ctrl/Cmd+Entrée**.'
		}
	}
);

/** Cells of the churn demo reading the file held under `fileKey` (named `fileName`) as table `wa_churn`. */
export function churnDemoCells(fileKey: string, fileName: string): NotebookCell[] {
	return [
		newCell('markdown', { text: DEMO_TEXT.note }),
		newCell('data', { fileKey, fileName, table: 'wa_churn' }),
		newCell('profile', { table: 'wa_churn' }),
		newCell('chart', { relation: 'wa_churn', mark: 'bar', x: 'contract', color: 'churn', aggregate: 'count' }),
		newCell('sql', {
			view: 'churn_by_contract',
			sql:
				"SELECT contract,\n       count(*) AS customers,\n" +
				"       round(avg(CASE WHEN churn = 'Yes' THEN 1 ELSE 0 END) * 100, 1) AS churn_rate_pct\n" +
				'FROM wa_churn\nGROUP BY contract\nORDER BY churn_rate_pct DESC'
		}),
		newCell('churn', { table: 'wa_churn', target: 'churn', positive: 'Yes', budgetS: 60 })
	];
}
