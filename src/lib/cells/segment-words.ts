/**
 * Segments in the interface's language. The workers store English names
 * (RFM segments are values in SQL tables, so they stay the same whatever
 * the language); what the cells show is worded here: RFM segment names,
 * their rules and advice, and each k-means segment's distinctive traits.
 */
import { messages } from '$lib/i18n';
import type { SegmentResult } from '$lib/clients/train';

type SegmentProfile = SegmentResult['profiles'][number];

/** The RFM segments' stored names (the data worker's rules name them). */
const RFM_SEGMENTS = ['Champions', 'Cannot lose them', 'Loyal', 'New customers', 'Potential loyalists', 'Lost', 'At risk', 'Hibernating', 'Need attention'];

export const SEGMENT_WORDS = messages(
	{
		/** RFM segments by their stored (English) name. */
		names: Object.fromEntries(RFM_SEGMENTS.map((name) => [name, name])) as Record<string, string>,
		advice: {
			Champions: 'Bought very recently and often: reward them.',
			'Cannot lose them': 'Were among the most frequent buyers but have not bought for a long time: win them back.',
			Loyal: 'Buy often and fairly recently: offer loyalty programmes and upsell.',
			'New customers': 'Bought for the first time very recently: onboard them.',
			'Potential loyalists': 'Recent buyers with a few purchases: nurture them towards loyalty.',
			Lost: 'Bought once, long ago: low priority.',
			'At risk': 'Used to buy often but not lately: reach out before they churn.',
			Hibernating: 'Few purchases, long ago: reactivate with offers.',
			'Need attention': 'Average recency and frequency: keep them engaged.'
		} as Record<string, string>,
		ruleWords: [] as readonly [RegExp, string][],
		higher: (column: string) => `higher ${column}`,
		lower: (column: string) => `lower ${column}`,
		average: 'close to the average customer',
		traits: (parts: string[]) => parts.join(', ')
	},
	{
		fr: {
			names: {
				Champions: 'Champions',
				'Cannot lose them': 'À ne pas perdre',
				Loyal: 'Fidèles',
				'New customers': 'Nouveaux clients',
				'Potential loyalists': 'Fidèles potentiels',
				Lost: 'Perdus',
				'At risk': 'À risque',
				Hibernating: 'En sommeil',
				'Need attention': 'À surveiller'
			},
			advice: {
				Champions: 'Ont acheté très récemment et souvent : récompensez-les.',
				'Cannot lose them': 'Comptaient parmi les plus fréquents mais n’achètent plus depuis longtemps : reconquérez-les.',
				Loyal: 'Achètent souvent et assez récemment : proposez fidélité et montée en gamme.',
				'New customers': 'Premier achat très récent : accompagnez leurs débuts.',
				'Potential loyalists': 'Acheteurs récents, quelques achats : amenez-les vers la fidélité.',
				Lost: 'Un seul achat, il y a longtemps : priorité faible.',
				'At risk': 'Achetaient souvent, plus ces derniers temps : contactez-les avant qu’ils partent.',
				Hibernating: 'Peu d’achats, il y a longtemps : réactivez-les avec des offres.',
				'Need attention': 'Récence et fréquence moyennes : gardez le contact.'
			},
			ruleWords: [
				[/\bnone of the above\b/g, 'aucune des précédentes'],
				[/\band\b/g, 'et']
			],
			higher: (column) => `${column} au-dessus de la moyenne`,
			lower: (column) => `${column} sous la moyenne`,
			average: 'proche du client moyen',
			traits: (parts) => parts.join(', ')
		}
	}
);

/** An RFM segment's name as shown ("At risk" → « À risque »); the stored value where no translation exists. */
export const rfmSegmentName = (stored: string): string => SEGMENT_WORDS.names[stored] ?? stored;

/** What to do with an RFM segment, in the interface's language (`stored`'s own advice from the worker where the catalogue has none). */
export const rfmSegmentAdvice = (stored: string, fallback: string): string => SEGMENT_WORDS.advice[stored] ?? fallback;

/** An RFM rule ("R ≤ 2 and F ≥ 3") with its words in the interface's language. */
export const rfmSegmentRule = (rule: string): string => SEGMENT_WORDS.ruleWords.reduce((text, [pattern, word]) => text.replace(pattern, word), rule);

/**
 * A k-means segment's three most distinctive traits: numeric columns whose
 * mean is ≥ 0.3 standard deviations from everyone's, and over-represented
 * categories, strongest first (the worker's own ranking, worded here).
 */
export function segmentTraits(profile: Pick<SegmentProfile, 'z' | 'categories'>): string {
	const traits = [
		...Object.entries(profile.z)
			.filter(([, v]) => Math.abs(v) >= 0.3)
			.map(([name, v]) => ({ weight: Math.abs(v), text: v > 0 ? SEGMENT_WORDS.higher(name) : SEGMENT_WORDS.lower(name) })),
		...profile.categories.map((c) => ({ weight: Math.log(c.lift), text: `${c.column} = ${c.level}` }))
	]
		.sort((a, b) => b.weight - a.weight)
		.slice(0, 3)
		.map((t) => t.text);
	return traits.length ? SEGMENT_WORDS.traits(traits) : SEGMENT_WORDS.average;
}
