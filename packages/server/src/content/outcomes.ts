import type { CaseStatus, Language, OutcomeCode, StatusExplanation } from '@victim-portal/contract';

/**
 * What each status, and each Home Office outcome a case is closed with, means for the victim
 * and what they can do next, in plain words. A closed case is explained by its outcome code;
 * the next steps are its status's unless the code has its own.
 *
 * WELSH: the Welsh below was written without a Welsh speaker and must be reviewed by one before
 * it is relied on.
 */
type Words = Readonly<Record<Language, string>>;
type Steps = Readonly<Record<Language, readonly string[]>>;
interface Explanation {
  title: Words;
  meaning: Words;
  nextSteps: Steps;
}
type OutcomeExplanation = Pick<Explanation, 'title' | 'meaning'> & { nextSteps?: Steps };

const newInformation: Words = {
  en: 'If you have new information, send a message or call 101. It could change what happens.',
  cy: "Os oes gennych wybodaeth newydd, anfonwch neges neu ffoniwch 101. Gallai newid beth sy'n digwydd.",
};
const support: Words = {
  en: 'Support services can help you, whatever happens with the case. See the support section.',
  cy: "Gall gwasanaethau cymorth eich helpu, beth bynnag sy'n digwydd i'r achos. Gweler yr adran cymorth.",
};
const askOfficer: Words = {
  en: 'You can ask the officer in charge to explain the decision.',
  cy: "Gallwch ofyn i'r swyddog sy'n gyfrifol egluro'r penderfyniad.",
};
const court: Words = {
  en: 'A Witness Care Unit will tell you about court dates, and if you are needed as a witness.',
  cy: "Bydd Uned Gofal Tystion yn rhoi gwybod i chi am ddyddiadau llys, ac os bydd angen chi fel tyst.",
};
const personalStatement: Words = {
  en: 'You can make a Victim Personal Statement to tell the court how the crime affected you.',
  cy: "Gallwch wneud Datganiad Personol Dioddefwr i ddweud wrth y llys sut mae'r drosedd wedi effeithio arnoch.",
};
const review: Words = {
  en: 'If a suspect was interviewed, you can ask for the decision to be reviewed (the Victims’ Right to Review).',
  cy: "Os cafodd rhywun a amheuir ei gyfweld, gallwch ofyn i'r penderfyniad gael ei adolygu (Hawl Dioddefwyr i Adolygiad).",
};

function steps(...items: Words[]): Steps {
  return { en: items.map((item) => item.en), cy: items.map((item) => item.cy) };
}

const afterDecision = steps(askOfficer, newInformation, support);

export const statusExplanations: Readonly<Record<CaseStatus, Explanation>> = {
  report_received: {
    title: { en: 'Report received', cy: 'Adroddiad wedi dod i law' },
    meaning: { en: 'We have your report. An officer will look at it and decide what happens next.', cy: "Mae eich adroddiad gennym. Bydd swyddog yn edrych arno ac yn penderfynu beth sy'n digwydd nesaf." },
    nextSteps: steps(newInformation, support),
  },
  under_investigation: {
    title: { en: 'Under investigation', cy: 'Yn cael ei ymchwilio' },
    meaning: { en: 'Officers are investigating the crime. We will tell you about important decisions, such as an arrest or a charge.', cy: "Mae swyddogion yn ymchwilio i'r drosedd. Byddwn yn rhoi gwybod i chi am benderfyniadau pwysig, fel arestio neu gyhuddo." },
    nextSteps: steps(newInformation, support),
  },
  suspect_charged: {
    title: { en: 'Suspect charged', cy: "Rhywun a amheuir wedi'i gyhuddo" },
    meaning: { en: 'A suspect has been charged with an offence. The case will now go to court.', cy: "Mae rhywun a amheuir wedi'i gyhuddo o drosedd. Bydd yr achos yn mynd i'r llys nawr." },
    nextSteps: steps(court, personalStatement, support),
  },
  awaiting_court_result: {
    title: { en: 'Waiting for the court', cy: 'Yn aros am y llys' },
    meaning: { en: 'A suspect has been charged or summonsed to court. The case is now with the court.', cy: "Mae rhywun a amheuir wedi'i gyhuddo neu wedi cael gwŷs i'r llys. Mae'r achos gyda'r llys nawr." },
    nextSteps: steps(court, personalStatement, support),
  },
  no_further_action: {
    title: { en: 'No further action', cy: 'Dim camau pellach' },
    meaning: { en: 'We have decided not to take any more action for now. This can change if new information comes to light.', cy: "Rydym wedi penderfynu peidio â chymryd camau pellach am y tro. Gall hyn newid os daw gwybodaeth newydd i'r amlwg." },
    nextSteps: steps(review, askOfficer, newInformation, support),
  },
  unable_to_prosecute: {
    title: { en: 'Unable to prosecute', cy: 'Methu erlyn' },
    meaning: { en: 'The suspect cannot be taken to court, for example because there is not enough evidence.', cy: "Does dim modd mynd â'r sawl a amheuir i'r llys, er enghraifft am nad oes digon o dystiolaeth." },
    nextSteps: steps(review, askOfficer, newInformation, support),
  },
  no_suspect_identified: {
    title: { en: 'No suspect found', cy: 'Heb ddod o hyd i rywun a amheuir' },
    meaning: { en: 'We looked into the crime as far as we could but did not find who did it. The case is closed unless new information comes to light.', cy: "Fe wnaethom ymchwilio i'r drosedd cyn belled ag y gallem ond ni wnaethom ddod o hyd i bwy a'i gwnaeth. Mae'r achos ar gau oni bai bod gwybodaeth newydd yn dod i'r amlwg." },
    nextSteps: afterDecision,
  },
  offender_cautioned: {
    title: { en: 'Offender cautioned', cy: 'Rhybuddiwyd y troseddwr' },
    meaning: { en: 'The offender admitted the offence and was given a caution instead of going to court. A caution goes on their record.', cy: "Cyfaddefodd y troseddwr y drosedd a chafodd rybudd yn lle mynd i'r llys. Mae rhybudd yn mynd ar ei gofnod." },
    nextSteps: afterDecision,
  },
  penalty_notice: {
    title: { en: 'Penalty notice given', cy: "Hysbysiad cosb wedi'i roi" },
    meaning: { en: 'The offender was given a penalty notice (a fine) instead of going to court.', cy: "Cafodd y troseddwr hysbysiad cosb (dirwy) yn lle mynd i'r llys." },
    nextSteps: afterDecision,
  },
  drugs_warning: {
    title: { en: 'Drugs warning given', cy: "Rhybudd cyffuriau wedi'i roi" },
    meaning: { en: 'The offender was given a warning for having cannabis or khat, instead of going to court.', cy: "Cafodd y troseddwr rybudd am fod â chanabis neu khat, yn lle mynd i'r llys." },
    nextSteps: afterDecision,
  },
  local_resolution: {
    title: { en: 'Community resolution', cy: 'Datrysiad cymunedol' },
    meaning: { en: 'The offender admitted the offence and it was dealt with without going to court, for example by an apology or by putting right the harm.', cy: "Cyfaddefodd y troseddwr y drosedd ac ymdriniwyd â hi heb fynd i'r llys, er enghraifft drwy ymddiheuriad neu drwy unioni'r niwed." },
    nextSteps: afterDecision,
  },
  not_in_public_interest: {
    title: { en: 'Not in the public interest', cy: 'Ddim er budd y cyhoedd' },
    meaning: { en: 'It was decided that taking the case further would not be in the public interest.', cy: "Penderfynwyd na fyddai mynd â'r achos ymhellach er budd y cyhoedd." },
    nextSteps: steps(review, askOfficer, newInformation, support),
  },
  action_by_another_organisation: {
    title: { en: 'Passed to another organisation', cy: "Wedi'i drosglwyddo i sefydliad arall" },
    meaning: { en: 'Another organisation, not the police, is taking further action.', cy: "Mae sefydliad arall, nid yr heddlu, yn cymryd camau pellach." },
    nextSteps: afterDecision,
  },
  dealt_with_in_another_case: {
    title: { en: 'Dealt with in another case', cy: 'Ymdriniwyd ag ef mewn achos arall' },
    meaning: { en: 'The offender admitted this offence in court, and the court took it into account when sentencing them for another.', cy: "Cyfaddefodd y troseddwr y drosedd hon yn y llys, ac ystyriodd y llys hi wrth ei ddedfrydu am drosedd arall." },
    nextSteps: afterDecision,
  },
};

export const outcomeExplanations: Readonly<Record<OutcomeCode, OutcomeExplanation>> = {
  1: { title: { en: 'Charged or summonsed', cy: "Wedi'i gyhuddo neu wedi cael gwŷs" }, meaning: statusExplanations.awaiting_court_result.meaning },
  2: { title: { en: 'Youth caution', cy: 'Rhybudd ieuenctid' }, meaning: { en: 'The offender, who is under 18, admitted the offence and was given a youth caution instead of going to court.', cy: "Cyfaddefodd y troseddwr, sydd o dan 18 oed, y drosedd a chafodd rybudd ieuenctid yn lle mynd i'r llys." } },
  3: { title: { en: 'Adult caution', cy: 'Rhybudd oedolyn' }, meaning: statusExplanations.offender_cautioned.meaning },
  4: { title: { en: 'Taken into consideration', cy: 'Wedi’i ystyried' }, meaning: statusExplanations.dealt_with_in_another_case.meaning },
  5: { title: { en: 'The offender has died', cy: "Mae'r troseddwr wedi marw" }, meaning: { en: 'The person suspected of the crime has died, so no one can be taken to court for it.', cy: "Mae'r sawl a amheuir o'r drosedd wedi marw, felly does dim modd mynd â neb i'r llys amdani." } },
  6: { title: statusExplanations.penalty_notice.title, meaning: statusExplanations.penalty_notice.meaning },
  7: { title: statusExplanations.drugs_warning.title, meaning: statusExplanations.drugs_warning.meaning },
  8: { title: statusExplanations.local_resolution.title, meaning: statusExplanations.local_resolution.meaning },
  9: { title: { en: 'Not in the public interest to prosecute', cy: 'Ddim er budd y cyhoedd i erlyn' }, meaning: { en: 'The Crown Prosecution Service decided that taking the suspect to court would not be in the public interest.', cy: "Penderfynodd Gwasanaeth Erlyn y Goron na fyddai mynd â'r sawl a amheuir i'r llys er budd y cyhoedd." } },
  10: { title: { en: 'Not in the public interest to take action', cy: 'Ddim er budd y cyhoedd i weithredu' }, meaning: { en: 'The police decided that formal action against the offender would not be in the public interest.', cy: "Penderfynodd yr heddlu na fyddai camau ffurfiol yn erbyn y troseddwr er budd y cyhoedd." } },
  11: { title: { en: 'Suspect too young to prosecute', cy: "Y sawl a amheuir yn rhy ifanc i'w erlyn" }, meaning: { en: 'The suspect is under 10, the age at which someone can be charged with a crime.', cy: "Mae'r sawl a amheuir o dan 10 oed, yr oedran pan all rhywun gael ei gyhuddo o drosedd." } },
  12: { title: { en: 'Suspect too ill to prosecute', cy: "Y sawl a amheuir yn rhy sâl i'w erlyn" }, meaning: { en: 'The suspect is too ill, in body or mind, to be taken to court.', cy: "Mae'r sawl a amheuir yn rhy sâl, yn gorfforol neu'n feddyliol, i fynd i'r llys." } },
  13: { title: { en: 'A key witness cannot give evidence', cy: 'Ni all tyst allweddol roi tystiolaeth' }, meaning: { en: 'The case cannot go to court because the victim or a key witness has died or is too ill to give evidence.', cy: "Ni all yr achos fynd i'r llys am fod y dioddefwr neu dyst allweddol wedi marw neu'n rhy sâl i roi tystiolaeth." } },
  14: { title: { en: 'No suspect found, and no support for action', cy: 'Neb wedi’i ganfod, a dim cefnogaeth i weithredu' }, meaning: { en: 'No suspect was identified, and the victim chose not to, or could not, support more action to find them.', cy: "Ni chafodd neb a amheuir ei adnabod, a dewisodd y dioddefwr beidio â chefnogi, neu ni allai gefnogi, rhagor o gamau i ddod o hyd iddo." } },
  15: { title: { en: 'Not enough evidence', cy: 'Dim digon o dystiolaeth' }, meaning: { en: 'A suspect was identified, but there is not enough evidence to take them to court.', cy: "Cafodd rhywun a amheuir ei adnabod, ond does dim digon o dystiolaeth i fynd ag ef i'r llys." } },
  16: { title: { en: 'Victim does not support action', cy: "Y dioddefwr ddim yn cefnogi camau" }, meaning: { en: 'A suspect was identified, but the victim chose not to support, or stopped supporting, further action.', cy: "Cafodd rhywun a amheuir ei adnabod, ond dewisodd y dioddefwr beidio â chefnogi, neu stopiodd gefnogi, camau pellach." } },
  17: { title: { en: 'Time limit passed', cy: "Mae'r terfyn amser wedi mynd heibio" }, meaning: { en: 'The time limit for taking this kind of offence to court has passed.', cy: "Mae'r terfyn amser ar gyfer mynd â'r math hwn o drosedd i'r llys wedi mynd heibio." } },
  18: { title: statusExplanations.no_suspect_identified.title, meaning: statusExplanations.no_suspect_identified.meaning },
  19: { title: { en: 'Recorded, not investigated for now', cy: "Wedi'i gofnodi, heb ymchwilio am y tro" }, meaning: { en: 'The crime is recorded, but there are no leads to follow for now. It can be looked at again if new information comes to light.', cy: "Mae'r drosedd wedi'i chofnodi, ond does dim trywydd i'w ddilyn am y tro. Gellir edrych arni eto os daw gwybodaeth newydd i'r amlwg." } },
  20: { title: statusExplanations.action_by_another_organisation.title, meaning: statusExplanations.action_by_another_organisation.meaning },
  21: { title: { en: 'Further investigation not in the public interest', cy: 'Ymchwiliad pellach ddim er budd y cyhoedd' }, meaning: { en: 'The police decided that investigating further to take formal action would not be in the public interest.', cy: "Penderfynodd yr heddlu na fyddai ymchwilio ymhellach i gymryd camau ffurfiol er budd y cyhoedd." } },
  22: { title: { en: 'Dealt with by other help', cy: 'Ymdriniwyd ag ef drwy gymorth arall' }, meaning: { en: 'The offender took part in a course, treatment or other help, so more action would not be in the public interest.', cy: "Cymerodd y troseddwr ran mewn cwrs, triniaeth neu gymorth arall, felly ni fyddai rhagor o gamau er budd y cyhoedd." } },
};

/**
 * @param outcomeCode the Home Office outcome the case was closed with, if its status comes from one
 * @returns the status (or outcome) in plain words, in the language asked for
 */
export function explanationFor(status: CaseStatus, outcomeCode: OutcomeCode | null, language: Language): StatusExplanation {
  const base = statusExplanations[status];
  const outcome = outcomeCode ? outcomeExplanations[outcomeCode] : undefined;
  return {
    title: (outcome?.title ?? base.title)[language],
    meaning: (outcome?.meaning ?? base.meaning)[language],
    nextSteps: [...(outcome?.nextSteps ?? base.nextSteps)[language]],
  };
}
