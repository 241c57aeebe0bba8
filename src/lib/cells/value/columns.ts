/**
 * The columns a lifetime value cell writes into `<transactions>_value` beside
 * the purchase summary (frequency, recency, T, monetary_value, holdout_frequency):
 * named once here for the cell that writes them and the cells that read them
 * (the churn cell's value features, the dashboard's revenue at risk).
 */
export const VALUE_COLUMNS = {
	pAlive: 'p_alive',
	expectedPurchases: 'expected_purchases',
	expectedSpend: 'expected_spend',
	clv: 'clv',
	expectedHoldout: 'expected_holdout_purchases'
} as const;

/** The view of a customer table with each customer's value (see `join.ts`). */
export const joinedName = (customers: string) => `${customers}_with_value`;
