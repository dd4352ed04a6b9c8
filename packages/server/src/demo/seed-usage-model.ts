import { eventKinds, outcomeStatuses } from '../features/timeline/vocabulary.js';

/**
 * The shape of a force's usage history (seed-usage.ts): which offences are reported, how cases
 * go, and how often victims come back. Shares are of the cases (or sign-ins) they apply to;
 * they are tuned so that about 8,300 cases over 3 months give the published scale of a force
 * running a portal (about 4,700 victims signing in 18,500 times, 800 messages).
 */

/** Offences reported, with their share (roughly a force's recorded crime; fictional labels). */
export const offenceMix: ReadonlyArray<{ code: string; label: string; share: number; sexual?: boolean }> = [
  { code: '008/01', label: 'Assault with injury', share: 11 },
  { code: '105/01', label: 'Assault without injury', share: 10 },
  { code: '008/06', label: 'Harassment', share: 5 },
  { code: '019/07', label: 'Sexual assault', share: 2, sexual: true },
  { code: '034/01', label: 'Robbery of personal property', share: 2 },
  { code: '028/01', label: 'Burglary of a home', share: 8 },
  { code: '030/01', label: 'Burglary of a business', share: 4 },
  { code: '045/00', label: 'Theft of a vehicle', share: 4 },
  { code: '048/00', label: 'Theft from a vehicle', share: 8 },
  { code: '049/00', label: 'Theft from a shop', share: 11 },
  { code: '039/00', label: 'Theft from the person', share: 4 },
  { code: '044/00', label: 'Theft of a bicycle', share: 4 },
  { code: '046/00', label: 'Other theft', share: 8 },
  { code: '058/01', label: 'Criminal damage to a vehicle', share: 6 },
  { code: '058/02', label: 'Criminal damage to a home', share: 4 },
  { code: '056/01', label: 'Arson', share: 1 },
  { code: '053/01', label: 'Fraud', share: 5 },
  { code: '066/00', label: 'Public fear, alarm or distress', share: 3 },
];

interface Step {
  type: keyof typeof eventKinds;
  /** Days after the step before (the report, for the first step), drawn between the two. */
  days: [number, number];
  /** UK time of day, in hours, drawn between the two. Steps on the same day keep their order because their hours do not overlap. */
  hours: [number, number];
  outcomeCode?: number;
}

const allocated: Step = { type: 'crime_allocated', days: [1, 2], hours: [8, 12] };
const identified: Step = { type: 'suspect_identified', days: [2, 8], hours: [9, 17] };
const arrested: Step = { type: 'suspect_arrested', days: [1, 6], hours: [6, 10] };
const interviewed: Step = { type: 'suspect_interviewed', days: [0, 0], hours: [11, 14] };

/** How cases go, with their share: the records system posts each step as it happens. */
export const caseStories: ReadonlyArray<{ share: number; steps: Step[] }> = [
  // Nobody identified: allocated, then closed with outcome 18.
  { share: 36, steps: [allocated, { type: 'case_closed', days: [10, 30], hours: [9, 17], outcomeCode: 18 }] },
  // Screened out at once: closed with outcome 18 the next days.
  { share: 14, steps: [{ type: 'case_closed', days: [1, 4], hours: [9, 17], outcomeCode: 18 }] },
  // A suspect interviewed, then no further action.
  { share: 12, steps: [allocated, identified, arrested, interviewed, { type: 'no_further_action', days: [7, 25], hours: [9, 17] }] },
  // Released under investigation, still going, with an update along the way.
  { share: 10, steps: [allocated, identified, arrested, interviewed, { type: 'released_under_investigation', days: [0, 0], hours: [15, 19] }, { type: 'update_given', days: [14, 30], hours: [9, 17] }] },
  // Bailed, charged, and the case goes to court.
  {
    share: 8,
    steps: [
      allocated, identified, arrested, interviewed,
      { type: 'released_on_bail', days: [0, 0], hours: [15, 19] },
      { type: 'passed_to_cps', days: [10, 20], hours: [9, 17] },
      { type: 'charged', days: [3, 15], hours: [9, 17] },
      { type: 'case_closed', days: [1, 5], hours: [9, 17], outcomeCode: 1 },
    ],
  },
  // Resolved out of court: a community resolution.
  { share: 5, steps: [allocated, identified, { type: 'case_closed', days: [5, 20], hours: [9, 17], outcomeCode: 8 }] },
  // Still being investigated: allocated, a suspect identified, an update.
  { share: 15, steps: [allocated, identified, { type: 'update_given', days: [10, 25], hours: [9, 17] }] },
];

/** Fictional names, plainly made up (no real person is meant). */
export const givenNames = [
  'Alex', 'Sam', 'Jordan', 'Robin', 'Casey', 'Morgan', 'Taylor', 'Jamie', 'Charlie', 'Riley', 'Avery', 'Quinn', 'Rowan', 'Elliot',
  'Harper', 'Dylan', 'Reese', 'Sasha', 'Kit', 'Frankie', 'Ash', 'Bryn', 'Cerys', 'Dafydd', 'Ffion', 'Gethin', 'Nia', 'Owain', 'Rhys', 'Seren',
];
export const familyNames = [
  'Ashdown', 'Brackenbury', 'Coldharbour', 'Dunmere', 'Elderwick', 'Fernhollow', 'Gorsebrook', 'Hollinsby', 'Ivybridge-Lowe', 'Juniper',
  'Kestlemoor', 'Larkspur', 'Marrowgate', 'Netherby', 'Oakenshaw', 'Pennywhistle', 'Quillby', 'Rookwood', 'Saltmarsh', 'Thistlewood',
  'Underhill', 'Vennick', 'Willowmere', 'Yarrowby', 'Zephyrine',
];
export const officerNames = ['Ellis Brightwater', 'Morgan Fairholme', 'Priya Kestrelle', 'Tom Harrowgate', 'Jess Wrenfield', 'Dev Ambleside', 'Nadia Corrin', 'Owen Tallis'];

/** What victims and officers write in the history's threads: generic, no real case or person. */
export const victimWords = [
  'Hello, is there any news on my case?',
  'I have remembered something else about that evening. Can I add it to my statement?',
  'Thank you for letting me know.',
  'Do I need to do anything now?',
  'My neighbour may have seen something. Shall I ask them to contact you?',
  'I have found the receipt for the items that were taken. Where should I send a copy?',
];
export const officerWords = [
  'Thank you for your message. I will look into this and come back to you.',
  'There is nothing new yet; we are still waiting for the forensic results.',
  'Yes, please ask them to contact me on 101, quoting your crime reference.',
  'Thank you, that is helpful. I have added it to the file.',
  'You do not need to do anything at the moment. I will update you when there is news.',
];

/** How the victims behave, and how the service and officers answer. */
export const rates = {
  /** Of each channel, invites the provider refused for good (a wrong address or number). */
  inviteFailure: { email: 0.02, sms: 0.035 },
  /** Of invites delivered, those the victim redeemed. */
  redeemed: 0.69,
  /** Of invites not redeemed, those locked after five wrong answers. */
  locked: 0.02,
  /** Of updates after the victim joined, those they signed in to read (within 3 days). */
  signInAfterUpdate: 0.8,
  /** Further sign-ins per joined victim at other times: up to this many, in their case's first days. */
  casualSignIns: 4.2,
  casualSignInDays: 45,
  /** Of later sign-ins, those that start a thread (a message or an update request). */
  threadStarted: 0.026,
  /** Of threads, those started with an update request rather than a message. */
  updateRequest: 0.35,
  /** Of threads, those the officer answered; then the victim writes again, and so on. */
  answered: 0.93,
  victimWritesAgain: 0.35,
  officerWritesAgain: 0.5,
  /** Of sign-ins, those ended by signing out rather than left to time out. */
  signedOut: 0.2,
  /** Of key decisions told another way (the victim not in the portal), those told late. */
  toldLate: 0.1,
  /** Of "new message" notifications, those cancelled because the victim read it first. */
  newMessageReadFirst: 0.15,
} as const;

/** @returns rows with a share turned into [lo, hi) bands of a uniform draw in [0, 1) */
export function bands<T extends { share: number }>(rows: readonly T[]): Array<T & { lo: number; hi: number }> {
  const total = rows.reduce((sum, row) => sum + row.share, 0);
  let lo = 0;
  return rows.map((row, index) => {
    const hi = index === rows.length - 1 ? 1.000001 : lo + row.share / total;
    const band = { ...row, lo, hi };
    lo = hi;
    return band;
  });
}

/** The status each event type gives (vocabulary.ts), and each outcome code's, for SQL. */
export function statusEffects(): { events: Array<{ event_type: string; effect: string }>; outcomes: Array<{ code: number; status: string }> } {
  return {
    events: Object.entries(eventKinds).map(([type, kind]) => ({ event_type: type, effect: kind.statusEffect })),
    outcomes: Object.entries(outcomeStatuses).map(([code, outcome]) => ({ code: Number(code), status: outcome.status })),
  };
}
