import type { Message, OfficerInCharge, SessionInfo, SignInChallenge, VictimCase, VictimSession } from '@victim-portal/sdk';
import type { CaseRights, Preferences, VictimsCode, VictimSupportService } from '@victim-portal/sdk';
import type { Timeline, VictimCrimeReport } from '@victim-portal/sdk';

/** A burglary with an officer in charge, as the service returns it to its victim. */
export const burglary: VictimCase = {
  id: '0b7f1c7e-5d0a-4d4e-9a51-3c1f4f0e8a11',
  crimeReference: 'KN/24/0012345',
  crimeType: 'Burglary of a home',
  reportedAt: '2025-03-03T10:15:00Z',
  reportedVia: 'phone_101',
  status: 'under_investigation',
  officerInCharge: { displayName: 'DC Sam Patel', rank: 'detective_constable', collarNumber: '4521' },
  nextUpdateDue: '2025-03-31',
};

/** A newer case nobody has been given yet. */
export const bikeTheft: VictimCase = {
  id: '6a0e2f4b-8c3d-4f5e-b6a7-1d2c3b4a5f60',
  crimeReference: 'KN/25/0000042',
  crimeType: 'Theft of a pedal cycle',
  reportedAt: '2025-06-21T18:40:00Z',
  reportedVia: 'online',
  status: 'report_received',
  officerInCharge: null,
  nextUpdateDue: '2025-07-19',
};

/** An invite token of the contract's shape. */
export const inviteToken = 'vpi_TestInviteToken_0123456789';

/** The one-time code the fake service sent. */
export const oneTimeCode = '482913';

/** The service sent a one-time code by text message (the invite itself came by email). */
export const codeChallenge: SignInChallenge = {
  method: 'one_time_code',
  sentTo: '•••• ••• 123',
  sentVia: 'sms',
  codeExpiresAt: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
  attemptsLeft: 5,
};

/** The force asks for the victim's date of birth. */
export const dateOfBirthChallenge: SignInChallenge = { method: 'date_of_birth', attemptsLeft: 5 };

/** The force asks for the victim's postcode. */
export const postcodeChallenge: SignInChallenge = { method: 'postcode', attemptsLeft: 5 };

const minute = 60 * 1000;

/**
 * @returns session times as the service sends them, counted from `now`
 * @param idleMinutes until the idle expiry (the service's idle timeout is 15 minutes)
 * @param absoluteMinutes until the absolute expiry
 */
export function sessionTimes(now: number, idleMinutes = 15, absoluteMinutes = 60): SessionInfo {
  return {
    expiresAt: new Date(now + absoluteMinutes * minute).toISOString(),
    idleExpiresAt: new Date(now + idleMinutes * minute).toISOString(),
    idleTimeoutSeconds: 15 * 60,
  };
}

/** A session as the service returns it on redemption. */
export const session: VictimSession = { sessionToken: 'vps_TestSessionToken_0123456789', ...sessionTimes(Date.now()) };

/** A thread on the burglary: the victim asked, the officer answered, the case moved, the victim asked for an update. */
export const burglaryThread: Message[] = [
  {
    id: '3f1e4c1a-0000-4000-8000-000000000001',
    cursor: '101',
    caseId: burglary.id,
    kind: 'text',
    author: { type: 'victim' },
    body: 'Hello, is there any news?\nI found a glove in the garden.',
    sentAt: '2025-03-04T09:30:00Z',
    readAt: '2025-03-04T10:00:00Z',
  },
  {
    id: '3f1e4c1a-0000-4000-8000-000000000002',
    cursor: '102',
    caseId: burglary.id,
    kind: 'text',
    author: { type: 'officer', officer: burglary.officerInCharge! },
    body: 'Thank you. Please keep the glove in a paper bag; I will collect it on Friday.',
    sentAt: '2025-03-04T10:05:00Z',
    readAt: null,
  },
  {
    id: '3f1e4c1a-0000-4000-8000-000000000003',
    cursor: '103',
    caseId: burglary.id,
    kind: 'notice',
    author: { type: 'system' },
    body: null,
    notice: { code: 'officer_changed', officer: { displayName: 'DS Jo Rees', rank: 'detective_sergeant', collarNumber: '2210' } },
    sentAt: '2025-03-10T08:00:00Z',
    readAt: null,
  },
  {
    id: '3f1e4c1a-0000-4000-8000-000000000004',
    cursor: '104',
    caseId: burglary.id,
    kind: 'update_request',
    author: { type: 'victim' },
    body: null,
    sentAt: '2025-03-12T18:45:00Z',
    readAt: null,
  },
];

/** The officer the burglary moved to, away now with cover. */
export const officerAwayWithCover: OfficerInCharge = {
  displayName: 'DS Jo Rees',
  rank: 'detective_sergeant',
  collarNumber: '2210',
  absence: {
    from: '2025-03-14T00:00:00Z',
    until: '2025-03-24T00:00:00Z',
    coveredBy: { displayName: 'DC Amir Khan', rank: 'detective_constable', collarNumber: '3380' },
  },
};

// Rights, support services and preferences (<vp-rights>, <vp-support-services>, <vp-preferences>).

const rightTitles = [
  'To be able to understand and to be understood',
  'To have the details of the crime recorded without unjustified delay',
  'To be provided with information when reporting the crime',
  'To be referred to services that support victims and have services and support tailored to your needs',
  'To be provided with information about compensation',
  'To be provided with information about the investigation and prosecution',
  'To make a Victim Personal Statement',
  'To be given information about the trial, trial process and your role as a witness',
  'To be given information about the outcome of the case and any appeals',
  'To be paid expenses and have property returned',
  'To be given information about the offender following a conviction',
  'To make a complaint about your rights not being met',
];

/** The whole Victims' Code, in English, as GET /v1/victims-code gives it. */
export const victimsCode: VictimsCode = {
  version: '2021-04',
  language: 'en',
  title: 'Code of Practice for Victims of Crime in England and Wales',
  url: 'https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime',
  rights: rightTitles.map((title, index) => ({
    number: index + 1,
    title,
    summary: `What right ${index + 1} means for you.`,
    url: `https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime#right-${index + 1}`,
    stages: index < 6 ? ['reporting', 'investigation', 'decision', 'court'] : ['court'],
  })),
};

/** The burglary's rights after a no-further-action decision, with the Right to Review. */
export const burglaryRightsAfterDecision: CaseRights = {
  stage: 'decision',
  code: { ...victimsCode, rights: victimsCode.rights.filter((right) => right.stages.includes('decision')) },
  rightToReview: {
    decidedAt: '2025-05-06T14:00:00Z',
    askBy: '2025-08-06',
    url: 'https://www.police.uk/pu/your-area/kent-police/victims-right-to-review/',
  },
};

/** Support services that fit the burglary: one takes referrals, one has been asked, one does not take them. */
export const burglarySupportServices: VictimSupportService[] = [
  {
    key: 'victim-support-kent',
    name: 'Victim Support',
    description: 'Free, confidential help for anyone affected by crime.',
    contact: { phone: '0808 16 89 111', email: 'kent@victimsupport.example', website: 'https://www.victimsupport.org.uk/' },
    openingHours: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '20:00' },
      { days: ['sat', 'sun'], opens: '09:00', closes: '17:30' },
    ],
    openingNotes: 'Closed on bank holidays.',
    acceptsReferrals: true,
    referral: null,
  },
  {
    key: 'kent-home-security',
    name: 'Home Security Scheme',
    description: 'Free lock changes and door chains for burglary victims.',
    contact: { phone: '01622 000 111' },
    openingHours: [{ days: ['mon', 'wed', 'fri'], opens: '09:00', closes: '12:30' }],
    openingNotes: null,
    acceptsReferrals: true,
    referral: {
      id: '9d3c2b1a-0000-4000-8000-000000000201',
      caseId: burglary.id,
      serviceKey: 'kent-home-security',
      serviceName: 'Home Security Scheme',
      requestedAt: '2025-03-05T11:00:00Z',
      dueBy: '2025-03-07T11:00:00Z',
      referredAt: '2025-03-06T09:30:00Z',
    },
  },
  {
    key: 'national-helpline',
    name: 'Support Line',
    description: 'Someone to talk to, day or night.',
    contact: { phone: '0800 000 999', website: 'https://support-line.example/' },
    openingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '00:00', closes: '24:00' }],
    openingNotes: null,
    acceptsReferrals: false,
    referral: null,
  },
];

/** The victim's preferences: email or text held, the force's default of every 28 days. */
export const preferences: Preferences = {
  contactChannel: 'email',
  availableChannels: ['email', 'sms'],
  language: 'en',
  updateEveryDays: null,
  forceUpdateEveryDays: 28,
  quietHours: null,
  notifications: true,
};

// The timeline and the crime report (<vp-timeline>, <vp-crime-report>).

/** The burglary's timeline in English, newest first: a decision with the officer's own words. */
export const burglaryTimeline: Timeline = {
  caseId: burglary.id,
  language: 'en',
  status: 'under_investigation',
  explanation: {
    title: 'We are investigating',
    meaning: 'An officer is looking into what happened.',
    nextSteps: ['Tell us if you remember anything else.', 'Keep anything the offender may have touched.'],
  },
  outcomeCode: null,
  nextUpdateDue: '2025-03-31',
  updateEveryDays: 28,
  rightToReview: null,
  events: [
    {
      id: '7c1d2e3f-0000-4000-8000-000000000003',
      type: 'suspect_interviewed',
      occurredAt: '2025-03-12T15:30:00Z',
      text: 'A suspect was interviewed.',
      officerText: 'We spoke to a man about the glove.\nHe denies being there.',
      outcomeCode: null,
    },
    {
      id: '7c1d2e3f-0000-4000-8000-000000000002',
      type: 'officer_assigned',
      occurredAt: '2025-03-04T09:00:00Z',
      text: 'An officer was given your case.',
      officerText: null,
      outcomeCode: null,
    },
    {
      id: '7c1d2e3f-0000-4000-8000-000000000001',
      type: 'report_received',
      occurredAt: '2025-03-03T10:15:00Z',
      text: 'We received your report.',
      officerText: null,
      outcomeCode: null,
    },
  ],
};

/** The burglary after no further action, with the Right to Review to ask by 12 July 2025. */
export const burglaryTimelineAfterDecision: Timeline = {
  ...burglaryTimeline,
  status: 'no_further_action',
  explanation: {
    title: 'No further action',
    meaning: 'We have decided not to take any further action for now.',
    nextSteps: ['You can ask for this decision to be reviewed.'],
  },
  nextUpdateDue: null,
  rightToReview: { decidedAt: '2025-04-10T11:00:00Z', askBy: '2025-07-12', url: 'https://www.kingsmoor.police.example/right-to-review' },
  events: [
    {
      id: '7c1d2e3f-0000-4000-8000-000000000004',
      type: 'no_further_action',
      occurredAt: '2025-04-10T11:00:00Z',
      text: 'We decided to take no further action.',
      officerText: null,
      outcomeCode: null,
    },
    ...burglaryTimeline.events,
  ],
};

/** The burglary's crime report as recorded, with a span of time it may have happened in. */
export const burglaryCrimeReport: VictimCrimeReport = {
  caseId: burglary.id,
  crimeReference: burglary.crimeReference,
  crimeType: burglary.crimeType,
  reportedAt: burglary.reportedAt,
  reportedVia: burglary.reportedVia,
  account: 'I came home from work and found the back door forced open.\nMy laptop and a watch were gone.',
  incidentFrom: '2025-03-02T22:00:00Z',
  incidentUntil: '2025-03-03T07:30:00Z',
  location: 'My home, through the back door',
};
