import type { CaseEventType, Language } from '@victim-portal/contract';

/**
 * What the victim reads for each type of case event, unless the force changed it
 * (PUT /v1/force/event-wording/{eventType}). Plain English, short, in the victim's words: no
 * police codes, no names, nothing that would harm the victim if someone else saw it.
 *
 * WELSH: the Welsh wording below was written without a Welsh speaker and must be reviewed by
 * one before it is relied on; forces with Welsh-speaking victims can replace it in the meantime.
 */
export const standardEventWording: Readonly<Record<CaseEventType, Readonly<Record<Language, string>>>> = {
  report_received: {
    en: 'You reported the crime to us.',
    cy: 'Gwnaethoch roi gwybod i ni am y drosedd.',
  },
  officer_assigned: {
    en: 'An officer is now in charge of your case.',
    cy: 'Mae swyddog bellach yn gyfrifol am eich achos.',
  },
  officer_changed: {
    en: 'The officer in charge of your case has changed.',
    cy: "Mae'r swyddog sy'n gyfrifol am eich achos wedi newid.",
  },
  crime_allocated: {
    en: 'Your case has been given to a team to investigate.',
    cy: "Mae eich achos wedi'i roi i dîm i ymchwilio iddo.",
  },
  suspect_identified: {
    en: 'We have identified a suspect.',
    cy: 'Rydym wedi dod o hyd i rywun a amheuir.',
  },
  suspect_arrested: {
    en: 'We have arrested a suspect.',
    cy: 'Rydym wedi arestio rhywun a amheuir.',
  },
  suspect_interviewed: {
    en: 'We have interviewed a suspect.',
    cy: 'Rydym wedi cyfweld â rhywun a amheuir.',
  },
  released_on_bail: {
    en: 'The suspect has been released on bail while we investigate. They may have to keep to conditions.',
    cy: "Mae'r sawl a amheuir wedi'i ryddhau ar fechnïaeth tra byddwn yn ymchwilio. Efallai y bydd rhaid iddo gadw at amodau.",
  },
  released_under_investigation: {
    en: 'The suspect has been released while we carry on investigating. They are not on bail.',
    cy: "Mae'r sawl a amheuir wedi'i ryddhau tra byddwn yn parhau i ymchwilio. Nid yw ar fechnïaeth.",
  },
  charged: {
    en: 'A suspect has been charged with an offence.',
    cy: "Mae rhywun a amheuir wedi'i gyhuddo o drosedd.",
  },
  passed_to_cps: {
    en: 'We have sent the case to the Crown Prosecution Service. They will decide whether to charge.',
    cy: "Rydym wedi anfon yr achos at Wasanaeth Erlyn y Goron. Byddan nhw'n penderfynu a ddylid cyhuddo.",
  },
  no_further_action: {
    en: 'We have decided to take no further action for now.',
    cy: 'Rydym wedi penderfynu peidio â chymryd camau pellach am y tro.',
  },
  investigation_reopened: {
    en: 'We have reopened the investigation.',
    cy: 'Rydym wedi ailagor yr ymchwiliad.',
  },
  case_closed: {
    en: 'We have closed the case.',
    cy: "Rydym wedi cau'r achos.",
  },
  property_returned: {
    en: 'Your property has been returned.',
    cy: "Mae eich eiddo wedi'i ddychwelyd.",
  },
  update_given: {
    en: 'An officer gave you an update.',
    cy: 'Rhoddodd swyddog y newyddion diweddaraf i chi.',
  },
};
