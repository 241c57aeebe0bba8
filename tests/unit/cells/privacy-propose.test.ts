import { describe, expect, it } from 'vitest';
import { proposeActions, proposeQuasiIdentifiers } from '$lib/cells/privacy/propose';
import type { PersonalDataKind } from '$lib/clients/data';

const column = (name: string, kind: PersonalDataKind | null = null) => ({ name, flags: [], personal: kind ? { kind, confidence: 0.9, examples: [], reason: '' } : null });

describe('proposeActions(columns, idColumn) — "minimise for modelling"', () => {
	it('drops contacts, names and free text with personal data, tokens the id, generalises birth dates, ages and postcodes, keeps the rest', () => {
		const actions = proposeActions(
			[column('id_client'), column('courriel', 'email'), column('nom', 'person_name'), column('commentaire', 'free_text_with_pii'), column('date_naissance', 'birth_date'), column('age'), column('code_postal', 'postcode'), column('montant'), column('ref_commande')],
			'id_client'
		);
		expect(actions).toEqual({ id_client: 'token', courriel: 'drop', nom: 'drop', commentaire: 'drop', date_naissance: 'generalise', age: 'generalise', code_postal: 'generalise' });
		expect(proposeQuasiIdentifiers(actions)).toEqual(['date_naissance', 'age', 'code_postal']);
	});
});
