/**
 * The churn demo: a notebook that loads the telco table shipped with the app
 * (served from this origin), profiles it and charts churn by contract.
 */
import { base } from '$app/paths';
import { churnDemoCells } from '$lib/cells';
import { holdFile } from '$lib/ui/pending-files';
import { newId } from '$lib/notebook';
import { T } from '$lib/ui/messages';
import type { Workbench } from './workbench.svelte';

const DEMO_FILE = 'wa_churn.csv';

export async function openChurnDemo(wb: Workbench): Promise<void> {
	const response = await fetch(`${base}/demo/${DEMO_FILE}`);
	if (!response.ok) throw new Error(`The demo table could not be read from this site (${response.status}).`);
	const file = new File([await response.blob()], DEMO_FILE, { type: 'text/csv' });
	const fileKey = newId('f_');
	holdFile(fileKey, file);
	await wb.createWith(T.demoTitle, churnDemoCells(fileKey, DEMO_FILE));
}
