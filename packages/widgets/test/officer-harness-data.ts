import type { OfficerCaseList } from '@victim-portal/sdk';
import { bikeTheft, burglary } from './fixtures.js';

/** DC Sam Patel's inbox: the burglary (OIC, unread and an update request) and a theft they cover. */
export const officerCases: OfficerCaseList = {
  officer: burglary.officerInCharge!,
  items: [
    {
      caseId: burglary.id,
      crimeReference: burglary.crimeReference,
      crimeType: burglary.crimeType,
      victimName: 'Alex Morgan',
      role: 'officer_in_charge',
      unreadCount: 2,
      pendingUpdateRequests: 1,
      lastMessageAt: '2025-03-12T18:45:00Z',
    },
    {
      caseId: bikeTheft.id,
      crimeReference: bikeTheft.crimeReference,
      crimeType: bikeTheft.crimeType,
      victimName: 'Chris Lee',
      role: 'covering',
      unreadCount: 0,
      pendingUpdateRequests: 0,
      lastMessageAt: null,
    },
  ],
};
