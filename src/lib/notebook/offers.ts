/**
 * What a cell offers the other cells of its notebook, by kind: a cell uses
 * another's work (a trained churn model) through this contract, read from
 * the notebook's cells by their definitions, never by importing the other
 * cell's folder. Plain data, like the params it is derived from.
 */

/** A trained churn model: where its result is kept and how the churn cell uses it. */
export interface ChurnModelOffer {
	/** Key of the kept training result (`$lib/storage/kept-result`, a `TabularResult`). */
	resultKey: string;
	/** The model picked in the leaderboard ('' = the best by cross-validation). */
	selected: string;
	/** The table the model was trained on. */
	table: string;
	/** The churn cell's decision threshold: customers at or above it are predicted to churn. */
	threshold: number;
	/** The scored table the churn cell writes ('' = none yet). */
	scoredName: string;
	/** Value of a retained customer and cost of a contact set in the churn cell's cost/benefit panel. */
	valuePerRetained: number;
	costPerContact: number;
}

/** Every kind of offer, with the value it carries. */
/** A lifetime value cell's table, one row per customer: P(alive), expected purchases, spend and CLV. */
export interface CustomerValueOffer {
	/** The table written (`<transactions>_value`), absent until the cell ran. */
	table: string;
	/** Its customer id column (named as in the transactions). */
	idColumn: string;
	/** The CLV horizon in months, for labels ("CLV over 12 months"). */
	horizonMonths: number;
}

export interface CellOffers {
	churnModel?: ChurnModelOffer;
	customerValue?: CustomerValueOffer;
}

export type OfferKind = keyof CellOffers;

/** An offer of `kind` by a cell of the notebook, named by the cell's title. */
export interface Offered<K extends OfferKind> {
	cellId: string;
	title: string;
	value: NonNullable<CellOffers[K]>;
}
