/**
 * The churn demo: a notebook that loads the telco table shipped with the app
 * (served from this origin), profiles it and charts churn by contract.
 */
import { base } from '$app/paths';
import { holdFile } from '$lib/ui/pending-files';
import { newId } from '$lib/notebook';
import { T } from '$lib/ui/messages';
import { makeCell, type Workbench } from './workbench.svelte';

const DEMO_FILE = 'wa_churn.csv';

export async function openChurnDemo(wb: Workbench): Promise<void> {
	const response = await fetch(`${base}/demo/${DEMO_FILE}`);
	if (!response.ok) throw new Error(`The demo table could not be read from this site (${response.status}).`);
	const file = new File([await response.blob()], DEMO_FILE, { type: 'text/csv' });
	const fileKey = newId('f_');
	holdFile(fileKey, file);
	await wb.createWith(T.demoTitle, [
		makeCell('markdown', {
			text:
				'# Telco customer churn\n\n' +
				'7,043 customers of a telecom operator (IBM Watson sample, via the *modeldata* R package). ' +
				'`churn` says whether the customer left. Everything below runs in this tab: edit a cell and press **Ctrl/Cmd+Enter**.'
		}),
		makeCell('data', { fileKey, fileName: DEMO_FILE, table: 'wa_churn' }),
		makeCell('profile', { table: 'wa_churn' }),
		makeCell('chart', { relation: 'wa_churn', mark: 'bar', x: 'contract', color: 'churn', aggregate: 'count' }),
		makeCell('sql', {
			view: 'churn_by_contract',
			sql:
				"SELECT contract,\n       count(*) AS customers,\n" +
				"       round(avg(CASE WHEN churn = 'Yes' THEN 1 ELSE 0 END) * 100, 1) AS churn_rate_pct\n" +
				'FROM wa_churn\nGROUP BY contract\nORDER BY churn_rate_pct DESC'
		}),
		makeCell('churn', { table: 'wa_churn', target: 'churn', positive: 'Yes', budgetS: 60 })
	]);
}
