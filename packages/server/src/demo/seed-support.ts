import type { SupportServiceUpsert } from '@victim-portal/contract';

/**
 * The demo force's directory of support services: fictional, with Ofcom's drama phone numbers
 * (01632 960xxx) and example.org addresses. Each shows a different way a service is matched to
 * a case: everyone, a risk flag, an age, a postcode area.
 */
export const demoSupportServices: Array<[string, SupportServiceUpsert]> = [
  [
    'victim-support',
    {
      name: 'Victim Support',
      description: {
        en: 'Free, confidential help for anyone affected by crime, whether or not you reported it: someone to talk to, practical help and information.',
        cy: 'Cymorth am ddim a chyfrinachol i unrhyw un y mae trosedd wedi effeithio arno, p’un a ydych wedi rhoi gwybod amdani ai peidio: rhywun i siarad ag ef, help ymarferol a gwybodaeth.',
      },
      contact: { phone: '01632 960 100', website: 'https://victim-support.example.org/' },
      openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '00:00', closes: '24:00' }],
      openingNotes: { en: 'Open on bank holidays too. You can also chat online on the website.', cy: 'Ar agor ar wyliau banc hefyd. Gallwch hefyd sgwrsio ar-lein ar y wefan.' },
    },
  ],
  [
    'kingsmoor-domestic-abuse',
    {
      name: 'Kingsmoor Domestic Abuse Service',
      description: {
        en: 'Specialist advocates who help you stay safe, plan what to do next and deal with the police, courts and housing. For anyone experiencing domestic abuse.',
      },
      // Only cases the force flagged as domestic abuse: shown to no-one else.
      helps: { riskFlags: ['domestic_abuse'] },
      contact: { phone: '01632 960 245', email: 'help@kingsmoor-das.example.org', website: 'https://kingsmoor-das.example.org/' },
      openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '00:00', closes: '24:00' }],
      openingNotes: { en: 'The helpline never closes. Drop-in at the Kingsmoor office Monday to Friday, 10am to 4pm. If you are in danger now, call 999.' },
    },
  ],
  [
    'kingsmoor-young-victims',
    {
      name: 'Kingsmoor Young Victims’ Service',
      description: {
        en: 'Support for children and young people up to 17 who have been affected by crime, and for their parents or carers.',
      },
      helps: { maxAge: 17 },
      contact: { phone: '01632 960 318', email: 'hello@young-victims.example.org', website: 'https://young-victims.example.org/' },
      openingHours: [
        { days: ['mon', 'wed', 'fri'], opens: '09:00', closes: '17:00' },
        { days: ['tue', 'thu'], opens: '09:00', closes: '19:00' },
        { days: ['sat'], opens: '10:00', closes: '13:00' },
      ],
      openingNotes: { en: 'Closed on bank holidays. Outside these hours, call Victim Support.' },
    },
  ],
  [
    'kingsmoor-safer-homes',
    {
      name: 'Kingsmoor Safer Homes',
      description: {
        en: 'Free lock-fitting, door and window security and home safety advice for victims of crime living in the KM1, KM2 and KM3 postcode areas.',
        cy: 'Gosod cloeon, diogelwch drysau a ffenestri a chyngor ar ddiogelwch yn y cartref am ddim i ddioddefwyr trosedd sy’n byw yn ardaloedd cod post KM1, KM2 a KM3.',
      },
      helps: { postcodeAreas: ['KM1', 'KM2', 'KM3'] },
      contact: { phone: '01632 960 472', email: 'visits@safer-homes.example.org' },
      openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '16:30' }],
      openingNotes: { en: 'Closed on bank holidays. Visits usually within a week of referral.', cy: 'Ar gau ar wyliau banc. Fel arfer byddwn yn ymweld o fewn wythnos i’r atgyfeiriad.' },
    },
  ],
];
