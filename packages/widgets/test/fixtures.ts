import type { Message, OfficerInCharge, SessionInfo, SignInChallenge, VictimCase, VictimSession } from '@victim-portal/sdk';

/** A burglary with an officer in charge, as the service returns it to its victim. */
export const burglary: VictimCase = {
  id: '0b7f1c7e-5d0a-4d4e-9a51-3c1f4f0e8a11',
  crimeReference: 'KN/24/0012345',
  crimeType: 'Burglary of a home',
  reportedAt: '2025-03-03T10:15:00Z',
  reportedVia: 'phone_101',
  status: 'under_investigation',
  officerInCharge: { displayName: 'DC Sam Patel', rank: 'detective_constable', collarNumber: '4521' },
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
