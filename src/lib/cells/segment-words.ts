/**
 * Segments in the interface's language. The workers store English names
 * (RFM segments are values in SQL tables, so they stay the same whatever
 * the language) and the RFM rules' advice; what the cells show is worded
 * here: RFM segment names, their rules and advice, and each k-means
 * segment's distinctive traits.
 */
import { messages } from '$lib/i18n';
import type { SegmentResult } from '$lib/clients/train';

type SegmentProfile = SegmentResult['profiles'][number];

/** French names of the RFM segments, by their stored name. */
const FRENCH_NAMES: Record<string, string> = {
	Champions: 'Champions',
	'Cannot lose them': 'À ne pas perdre',
	Loyal: 'Fidèles',
	'New customers': 'Nouveaux clients',
	'Potential loyalists': 'Fidèles potentiels',
	Lost: 'Perdus',
	'At risk': 'À risque',
	Hibernating: 'En sommeil',
	'Need attention': 'À surveiller'
};

/** French advice for each RFM segment (the worker's rules carry the English). */
const FRENCH_ADVICE: Record<string, string> = {
	Champions: 'Ont acheté très récemment et souvent : récompensez-les.',
	'Cannot lose them': 'Comptaient parmi les plus fréquents mais n’achètent plus depuis longtemps : reconquérez-les.',
	Loyal: 'Achètent souvent et assez récemment : proposez fidélité et montée en gamme.',
	'New customers': 'Premier achat très récent : accompagnez leurs débuts.',
	'Potential loyalists': 'Acheteurs récents, quelques achats : amenez-les vers la fidélité.',
	Lost: 'Un seul achat, il y a longtemps : priorité faible.',
	'At risk': 'Achetaient souvent, plus ces derniers temps : contactez-les avant qu’ils partent.',
	Hibernating: 'Peu d’achats, il y a longtemps : réactivez-les avec des offres.',
	'Need attention': 'Récence et fréquence moyennes : gardez le contact.'
};

export const SEGMENT_WORDS = messages(
	{
		/** A stored RFM segment name as shown (a name the catalogue does not know shows as stored). */
		name: (stored: string) => stored,
		/** What to do with an RFM segment (`english`: the worker's advice). */
		advice: (stored: string, english: string) => english,
		/** An RFM rule ("R ≤ 2 and F ≥ 3") as shown. */
		rule: (rule: string) => rule,
		higher: (column: string) => `higher ${column}`,
		lower: (column: string) => `lower ${column}`,
		average: 'close to the average customer'
	},
	{
		fr: {
			name: (stored) => FRENCH_NAMES[stored] ?? stored,
			advice: (stored, english) => FRENCH_ADVICE[stored] ?? english,
			rule: (rule) => rule.replace(/\bnone of the above\b/g, 'aucune des précédentes').replace(/\band\b/g, 'et'),
			higher: (column) => `${column} au-dessus de la moyenne`,
			lower: (column) => `${column} sous la moyenne`,
			average: 'proche du client moyen'
		}
	}
);

/** An RFM segment's name as shown ("At risk" → « À risque »). */
export const rfmSegmentName = (stored: string): string => SEGMENT_WORDS.name(stored);

/** What to do with an RFM segment, in the interface's language (`english`: the advice the worker's rule carries). */
export const rfmSegmentAdvice = (stored: string, english: string): string => SEGMENT_WORDS.advice(stored, english);

/** An RFM rule ("R ≤ 2 and F ≥ 3") with its words in the interface's language. */
export const rfmSegmentRule = (rule: string): string => SEGMENT_WORDS.rule(rule);

/**
 * A k-means segment's three most distinctive traits: numeric columns whose
 * mean is ≥ 0.3 standard deviations from everyone's, and over-represented
 * categories, strongest first.
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
	return traits.length ? traits.join(', ') : SEGMENT_WORDS.average;
}
