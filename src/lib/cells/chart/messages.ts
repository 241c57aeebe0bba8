/**
 * Texts of the chart cell: its settings and the drawn chart.
 */
import type { ChartSpec } from '$lib/charts';
import { messages } from '$lib/i18n';

/** The chart kinds as the French accessible name of a drawn chart begins. */
const CHART_OF_FR: Record<ChartSpec['mark'], string> = {
	bar: 'Graphique en barres',
	histogram: 'Histogramme',
	line: 'Graphique en courbe',
	dot: 'Nuage de points',
	box: 'Boîte à moustaches'
};

export const M = messages({
	/** The cell kind's name in cell headers and lists. */
	label: 'Chart',
	add: 'Chart',
	chartType: 'Chart',
	chartHeight: 'Height',
	chartMarks: { bar: 'Bar', histogram: 'Histogram', line: 'Line', dot: 'Scatter (dots)', box: 'Box plot' },
	chartAggregates: { count: 'count of rows', sum: 'sum of y', mean: 'mean of y', median: 'median of y' },
	chartChannels: { x: 'X', y: 'Y', color: 'Colour', facet: 'Facet' },
	chartPickColumns: 'Choose the columns to draw.',
	chartSampled: (n: number) => `Drawn from a reproducible sample of ${n.toLocaleString('en-US')} rows.`,
	exportSvg: 'Export SVG',
	exportPng: 'Export PNG',
	exportFailed: 'Export failed:',
	noRows: 'There are no rows to chart.',
	loading: 'Loading the chart library…',
	chartOf: (spec: ChartSpec) =>
		`${spec.mark} chart of ${[spec.x, spec.y].filter(Boolean).join(' and ') || 'no column'} in ${spec.relation}`
}, {
	fr: {
		label: 'Graphique',
		add: 'Graphique',
		chartType: 'Graphique',
		chartHeight: 'Hauteur',
		chartMarks: { bar: 'Barres', histogram: 'Histogramme', line: 'Courbe', dot: 'Nuage de points', box: 'Boîte à moustaches' },
		chartAggregates: { count: 'nombre de lignes', sum: 'somme de y', mean: 'moyenne de y', median: 'médiane de y' },
		chartChannels: { x: 'X', y: 'Y', color: 'Couleur', facet: 'Facette' },
		chartPickColumns: 'Choisissez les colonnes à représenter.',
		chartSampled: (n) => `Tracé à partir d’un échantillon reproductible de ${n.toLocaleString('fr-FR')} lignes.`,
		exportSvg: 'Exporter en SVG',
		exportPng: 'Exporter en PNG',
		exportFailed: 'Échec de l’export :',
		noRows: 'Il n’y a aucune ligne à représenter.',
		loading: 'Chargement de la bibliothèque de graphiques…',
		chartOf: (spec) =>
			`${CHART_OF_FR[spec.mark]} de ${[spec.x, spec.y].filter(Boolean).join(' et ') || 'aucune colonne'} dans ${spec.relation}`
	}
});
