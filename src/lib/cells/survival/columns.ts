/**
 * The columns a survival cell writes into `<table>_survival` beside the
 * customers' own, named once here.
 */
export function survivalColumns(times: number[]): { relativeRisk: string; median: string; at: string[] } {
	return { relativeRisk: 'relative_risk', median: 'predicted_median', at: times.map((t) => `survival_at_${String(t).replace('.', '_')}`) };
}
