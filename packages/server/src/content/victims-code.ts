import type { CaseStage, Language, Right, VictimsCode } from '@victim-portal/contract';

/**
 * The 12 rights of the Code of Practice for Victims of Crime in England and Wales (the Victims'
 * Code laid in 2020, in force from 1 April 2021), as short plain-language summaries with a link
 * to the full text. The summaries are ours, not the Code's words: the Code itself is the
 * authority, and each right links to it.
 *
 * WELSH: the Welsh titles and summaries below were written without a Welsh speaker and must be
 * reviewed by one (ideally against the Ministry of Justice's own Welsh edition of the Code)
 * before they are used in production. docs/support-and-preferences.md says the same.
 */
export const victimsCodeVersion = '2021-04';

const allStages: CaseStage[] = ['reporting', 'investigation', 'decision', 'court'];

/** The Code's publication page on GOV.UK; `.cy` is GOV.UK's Welsh version of the same page. */
const publicationUrl: Record<Language, string> = {
  en: 'https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime',
  cy: 'https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime.cy',
};

/**
 * The full text of the Code in English (HTML), whose headings GOV.UK gives anchors. Written
 * offline: check the page and the anchors once in a browser before production.
 */
const fullTextUrl = `${publicationUrl.en}/code-of-practice-for-victims-of-crime-in-england-and-wales-victims-code`;

const titles: Record<Language, string> = {
  en: "Code of Practice for Victims of Crime in England and Wales (Victims' Code)",
  cy: 'Cod Ymarfer ar gyfer Dioddefwyr Troseddau yng Nghymru a Lloegr (Cod y Dioddefwyr)',
};

interface RightContent {
  number: number;
  stages: CaseStage[];
  /** The English heading's anchor in the full text. */
  anchor: string;
  en: { title: string; summary: string };
  cy: { title: string; summary: string };
}

const rights: readonly RightContent[] = [
  {
    number: 1,
    stages: allStages,
    anchor: 'right-1-to-be-able-to-understand-and-to-be-understood',
    en: { title: 'To be able to understand and to be understood', summary: 'You should be given information in a way you can understand, and be helped to be understood, including an interpreter or translation if you need one.' },
    cy: { title: 'Gallu deall a chael eich deall', summary: "Dylech gael gwybodaeth mewn ffordd y gallwch ei deall, a help i gael eich deall, gan gynnwys cyfieithydd neu gyfieithiad os oes arnoch angen un." },
  },
  {
    number: 2,
    stages: ['reporting'],
    anchor: 'right-2-to-have-the-details-of-the-crime-recorded-without-unjustified-delay',
    en: { title: 'To have the details of the crime recorded without unjustified delay', summary: 'The police should record the crime as soon as they can after you report it. If you give a statement or are interviewed, you can have extra help to do so.' },
    cy: { title: "Cael cofnodi manylion y drosedd heb oedi na ellir ei gyfiawnhau", summary: "Dylai'r heddlu gofnodi'r drosedd cyn gynted ag y gallant ar ôl i chi roi gwybod amdani. Os byddwch yn rhoi datganiad neu'n cael eich cyfweld, gallwch gael help ychwanegol i wneud hynny." },
  },
  {
    number: 3,
    stages: ['reporting'],
    anchor: 'right-3-to-be-provided-with-information-when-reporting-the-crime',
    en: { title: 'To be provided with information when reporting the crime', summary: 'You should get written confirmation that you reported the crime, information about what happens next, and details of services that can help you, including restorative justice.' },
    cy: { title: "Cael gwybodaeth wrth roi gwybod am y drosedd", summary: "Dylech gael cadarnhad ysgrifenedig eich bod wedi rhoi gwybod am y drosedd, gwybodaeth am beth sy'n digwydd nesaf, a manylion gwasanaethau a all eich helpu, gan gynnwys cyfiawnder adferol." },
  },
  {
    number: 4,
    stages: allStages,
    anchor: 'right-4-to-be-referred-to-services-that-support-victims-and-have-services-and-support-tailored-to-your-needs',
    en: { title: 'To be referred to services that support victims and have services and support tailored to your needs', summary: 'You can ask to be referred to support services, or contact them yourself, whether or not you reported the crime. Your needs should be assessed so that support fits you.' },
    cy: { title: "Cael eich atgyfeirio at wasanaethau sy'n cefnogi dioddefwyr a chael gwasanaethau a chymorth sy'n addas i'ch anghenion", summary: "Gallwch ofyn am gael eich atgyfeirio at wasanaethau cymorth, neu gysylltu â nhw eich hun, p'un a ydych wedi rhoi gwybod am y drosedd ai peidio. Dylid asesu eich anghenion fel bod y cymorth yn addas i chi." },
  },
  {
    number: 5,
    stages: ['reporting', 'investigation', 'court'],
    anchor: 'right-5-to-be-provided-with-information-about-compensation',
    en: { title: 'To be provided with information about compensation', summary: 'You should be told how you may be able to get compensation for loss, damage or injury caused by the crime.' },
    cy: { title: 'Cael gwybodaeth am iawndal', summary: "Dylid dweud wrthych sut y gallech gael iawndal am golled, difrod neu anaf a achoswyd gan y drosedd." },
  },
  {
    number: 6,
    stages: ['investigation', 'decision', 'court'],
    anchor: 'right-6-to-be-provided-with-information-about-the-investigation-and-prosecution',
    en: { title: 'To be provided with information about the investigation and prosecution', summary: 'You should be told about key decisions in your case, such as an arrest, a charge or no further action. If the police decide to take no further action against a suspect, you can ask for that decision to be reviewed.' },
    cy: { title: "Cael gwybodaeth am yr ymchwiliad a'r erlyniad", summary: "Dylid dweud wrthych am benderfyniadau allweddol yn eich achos, fel arestio, cyhuddo neu ddim camau pellach. Os bydd yr heddlu'n penderfynu peidio â chymryd camau pellach yn erbyn rhywun a amheuir, gallwch ofyn i'r penderfyniad hwnnw gael ei adolygu." },
  },
  {
    number: 7,
    stages: ['investigation', 'court'],
    anchor: 'right-7-to-make-a-victim-personal-statement',
    en: { title: 'To make a Victim Personal Statement', summary: 'You can write or record a statement about how the crime has affected you. If someone is convicted, the court takes it into account and you can ask to read it out.' },
    cy: { title: 'Gwneud Datganiad Personol Dioddefwr', summary: "Gallwch ysgrifennu neu recordio datganiad am sut mae'r drosedd wedi effeithio arnoch. Os caiff rhywun ei gael yn euog, bydd y llys yn ei ystyried a gallwch ofyn am gael ei ddarllen yn uchel." },
  },
  {
    number: 8,
    stages: ['court'],
    anchor: 'right-8-to-be-given-information-about-the-trial-trial-process-and-your-role-as-a-witness',
    en: { title: 'To be given information about the trial, trial process and your role as a witness', summary: 'If you are a witness, you should be told when and where the trial is, what to expect, and what help you can have to give your evidence.' },
    cy: { title: "Cael gwybodaeth am y treial, y broses dreial a'ch rôl fel tyst", summary: "Os ydych yn dyst, dylid dweud wrthych pryd a ble mae'r treial, beth i'w ddisgwyl, a pha help y gallwch ei gael i roi eich tystiolaeth." },
  },
  {
    number: 9,
    stages: ['court'],
    anchor: 'right-9-to-be-given-information-about-the-outcome-of-the-case-and-any-appeals',
    en: { title: 'To be given information about the outcome of the case and any appeals', summary: 'You should be told the outcome of the case, the sentence if there is one, and about any appeal.' },
    cy: { title: "Cael gwybodaeth am ganlyniad yr achos ac unrhyw apeliadau", summary: "Dylid dweud wrthych beth oedd canlyniad yr achos, y ddedfryd os oes un, ac am unrhyw apêl." },
  },
  {
    number: 10,
    stages: ['investigation', 'decision', 'court'],
    anchor: 'right-10-to-be-paid-expenses-and-have-property-returned',
    en: { title: 'To be paid expenses and have property returned', summary: 'You can claim some expenses for going to court as a witness, and property taken as evidence should be given back as soon as it is no longer needed.' },
    cy: { title: 'Cael treuliau a chael eiddo yn ôl', summary: "Gallwch hawlio rhai treuliau am fynd i'r llys fel tyst, a dylid rhoi eiddo a gymerwyd fel tystiolaeth yn ôl cyn gynted ag na fydd ei angen mwyach." },
  },
  {
    number: 11,
    stages: ['court'],
    anchor: 'right-11-to-be-given-information-about-the-offender-following-a-conviction',
    en: { title: 'To be given information about the offender following a conviction', summary: 'If the offender is convicted and sentenced, you may be able to join the Victim Contact Scheme and be told about things such as their release.' },
    cy: { title: "Cael gwybodaeth am y troseddwr ar ôl euogfarn", summary: "Os caiff y troseddwr ei gael yn euog a'i ddedfrydu, efallai y gallwch ymuno â'r Cynllun Cyswllt â Dioddefwyr a chael gwybod am bethau fel pryd y caiff ei ryddhau." },
  },
  {
    number: 12,
    stages: allStages,
    anchor: 'right-12-to-make-a-complaint-about-your-rights-not-being-met',
    en: { title: 'To make a complaint about your Rights not being met', summary: 'If you think you have not been given your rights, you can complain to the organisation concerned, and then to the Parliamentary and Health Service Ombudsman.' },
    cy: { title: "Gwneud cwyn am beidio â chael eich Hawliau", summary: "Os ydych yn credu nad ydych wedi cael eich hawliau, gallwch gwyno i'r sefydliad dan sylw, ac yna i'r Ombwdsmon Seneddol a Gwasanaeth Iechyd." },
  },
];

/** @returns where a right's full text is: its heading in English; the Welsh publication page in Welsh */
function urlOf(right: RightContent, language: Language): string {
  return language === 'cy' ? publicationUrl.cy : `${fullTextUrl}#${right.anchor}`;
}

/**
 * The Victims' Code in one language, with every right or only those that apply at a stage.
 * @param language `en` or `cy`
 * @param stage when given, only the rights that apply at this stage of a case
 * @returns the Code as the contract's VictimsCode
 */
export function victimsCode(language: Language, stage?: CaseStage): VictimsCode {
  const chosen = stage ? rights.filter((right) => right.stages.includes(stage)) : rights;
  return {
    version: victimsCodeVersion,
    language,
    title: titles[language],
    url: publicationUrl[language],
    rights: chosen.map((right): Right => ({
      number: right.number,
      title: right[language].title,
      summary: right[language].summary,
      url: urlOf(right, language),
      stages: [...right.stages],
    })),
  };
}
