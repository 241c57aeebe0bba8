/**
 * The train worker's refusals and progress words, in the page's language.
 */
import { messages } from '../shared/language';

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

export const TW = messages(
	{
		damaged: 'This model is damaged: its weights could not be read.',
		notAModel: 'This is not a workbench model (kind, features or classes are missing).',
		missingColumns: (names: string[]) => `These columns are missing from the table to score: ${quoted(names)}. The model was trained with them.`,
		textNotNumbers: (names: string[]) => `These columns should hold numbers but hold text: ${quoted(names)}.`,
		noValue: (feature: string) => `The customer has no value for "${feature}", which the model uses.`,
		noBackground: 'This model has no background sample (it was imported without one): retrain it to explain customers.',
		partialDependence: 'Partial dependence',
		noTextColumn: (name: string) => `The table has no column "${name}" to read texts from.`,
		chooseTextColumn: 'Choose the column that holds the texts.',
		numbersNotTexts: (name: string) => `The column "${name}" holds numbers, not texts: choose the column with the reviews or messages.`,
		noColumn: (name: string) => `There is no column named "${name}" in the table.`,
		readingDurations: 'Reading durations and events',
		noDurationEvent: (duration: string, event: string) => `No customer has both a duration in "${duration}" and a value in "${event}".`,
		noEventValue: (value: string, event: string) => `No customer has "${value}" in "${event}": pick the value that marks a churned customer.`,
		predictingSurvival: 'Predicting each customer\u2019s survival'
	},
	{
		fr: {
			damaged: 'Ce modèle est endommagé : ses poids n’ont pas pu être lus.',
			notAModel: 'Ce n’est pas un modèle de l’atelier (type, variables ou classes manquants).',
			missingColumns: (names) => `Ces colonnes manquent dans la table à scorer : ${quoted(names)}. Le modèle a été entraîné avec elles.`,
			textNotNumbers: (names) => `Ces colonnes devraient contenir des nombres mais contiennent du texte : ${quoted(names)}.`,
			noValue: (feature) => `Le client n’a pas de valeur pour « ${feature} », que le modèle utilise.`,
			noBackground: 'Ce modèle n’a pas d’échantillon de référence (il a été importé sans) : réentraînez-le pour expliquer des clients.',
			partialDependence: 'Dépendance partielle',
			noTextColumn: (name) => `La table n’a pas de colonne « ${name} » d’où lire des textes.`,
			chooseTextColumn: 'Choisissez la colonne qui contient les textes.',
			numbersNotTexts: (name) => `La colonne « ${name} » contient des nombres, pas des textes : choisissez la colonne des avis ou des messages.`,
			noColumn: (name) => `La table n’a pas de colonne nommée « ${name} ».`,
			readingDurations: 'Lecture des durées et des événements',
			noDurationEvent: (duration, event) => `Aucun client n’a à la fois une durée dans « ${duration} » et une valeur dans « ${event} ».`,
			noEventValue: (value, event) => `Aucun client n’a « ${value} » dans « ${event} » : choisissez la valeur qui marque un client parti.`,
			predictingSurvival: 'Prédiction de la survie de chaque client'
		}
	}
);
