/**
 * Texts of the segments cell (k-means).
 */
import { messages } from '$lib/i18n';

export const M = messages({
	add: 'Segments',
	table: 'Table',
	kFrom: 'k from',
	kTo: 'to',
	find: 'Find segments',
	columns: (chosen: number, all: number) => `Columns used (${chosen} of ${all}; leave out the churn flag to describe customers, not outcomes)`,
	useColumn: (c: string) => `Use ${c}`,
	cancel: 'Cancel',
	starting: 'Preparing the customers',
	excluded: (column: string, reason: string) => `"${column}" left out: ${reason}.`,
	excludedByDefault: (column: string, reason: string) => `"${column}" left out: ${reason} (tick it to use it).`,
	keepK: 'Keep k =',
	silhouette: 'silhouette',
	written: (table: string) => `Each customer's segment is in table ${table} (column "segment") for SQL, charts and churn models.`,
	profiles: 'Segment profiles',
	name: 'Segment',
	size: 'Customers',
	description: 'What sets it apart',
	renameSegment: (n: number) => `Name of segment ${n}`,
	describeSegment: (n: number) => `Description of segment ${n}`,
	elbow: 'Elbow: inertia by k',
	silhouetteByK: 'Mean silhouette by k',
	silhouettePlot: 'Silhouette of each customer, by segment',
	heatmap: 'Numeric columns: colour = segment mean as a z-score, label = the mean',
	means: 'Segment means',
	meansCaption: 'Mean of each numeric column, in its own unit (hover for the z-score against all customers)',
	meanTitle: (z: string) => `z-score ${z} against all customers`,
	allCustomers: 'All customers',
	map: 'Map of customers (PCA)',
	drawUmap: 'Draw a UMAP map (slower)',
	stale: 'The table or the settings changed since these segments were found: find segments again to update them.',
	umap: (n: number) => `Map of customers (UMAP, ${n.toLocaleString('en-US')} sampled)`
});
