/**
 * The churn demo's cells: a note, the telco table shipped with the app, its
 * profile, churn by contract as a chart and as SQL, and a churn model.
 */
import type { NotebookCell } from '$lib/notebook';
import { newCell } from './definitions';

/** Cells of the churn demo reading the file held under `fileKey` (named `fileName`) as table `wa_churn`. */
export function churnDemoCells(fileKey: string, fileName: string): NotebookCell[] {
	return [
		newCell('markdown', {
			text:
				'# Telco customer churn\n\n' +
				'7,043 customers of a telecom operator (IBM Watson sample, via the *modeldata* R package). ' +
				'`churn` says whether the customer left. Everything below runs in this tab: edit a cell and press **Ctrl/Cmd+Enter**.'
		}),
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
