import type { VictimCase, VictimSession } from '@victim-portal/sdk';

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

/** A session as the service returns it on redemption. */
export const session: VictimSession = {
  sessionToken: 'vps_TestSessionToken_0123456789',
  expiresAt: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
  idleExpiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
  idleTimeoutSeconds: 900,
};
