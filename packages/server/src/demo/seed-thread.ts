import type { Knex } from 'knex';
import { ActivityRecorder } from '../audit/activity-recorder.js';
import type { ForceActor } from '../auth/credentials.js';
import { forceAccess, type ThreadAccess } from '../features/messages/thread-access.js';
import { sendToThread, type NewMessage } from '../features/messages/thread-store.js';

/** The demo case with a conversation already going, and the officer who answers it. */
export const demoThread = { crimeReference: 'KM/24/0012345', victimName: 'Alex Morgan', officerName: 'DC Sam Patel', collarNumber: '4521' };

// Fixed ids: sends are idempotent by id, so every restart finds these and adds nothing.
const victimMessage: NewMessage = {
  id: '6f1c2a4e-8d0b-4c3e-9a51-0d2b7e4f1a01',
  kind: 'text',
  body: 'Hello, I have found a neighbour’s doorbell camera that might have filmed the car outside. Is that useful?',
};
const officerReply: NewMessage = {
  id: '6f1c2a4e-8d0b-4c3e-9a51-0d2b7e4f1a02',
  kind: 'text',
  body: 'Thank you, Alex, that is very useful. Please ask them to keep the recording; I will collect it this week.',
};
const updateRequest: NewMessage = { id: '6f1c2a4e-8d0b-4c3e-9a51-0d2b7e4f1a03', kind: 'update_request', body: null };

/**
 * Seeds a short thread on the demo's first case through the thread store, as the victim's and
 * the records system's requests would: a message from the victim, the officer's reply, then the
 * victim asking for an update, left unread so the officer console has something waiting.
 * @returns whether the case was found (it is, once seedDemo has run)
 */
export async function seedDemoThread(db: Knex, actor: ForceActor): Promise<boolean> {
  const found = await db('cases')
    .select<{ id: string; victim_id: string }[]>('id', 'victim_id')
    .where({ force_id: actor.forceId, crime_reference: demoThread.crimeReference })
    .first();
  if (!found) return false;
  const activity = new ActivityRecorder(db);
  // The victim's side, as their session would be let in (there is no session to check here).
  const asVictim: ThreadAccess = {
    forceId: actor.forceId,
    caseId: found.id,
    side: 'victim',
    officerId: null,
    actor: { actorType: 'victim', actorId: found.victim_id, requestId: actor.requestId },
    officerInCharge: null,
  };
  // The officer's side as the records system replies: as the officer in charge.
  const asOfficer = await forceAccess(db, actor, found.id, { collarNumber: demoThread.collarNumber });
  await sendToThread(db, activity, asVictim, victimMessage);
  await sendToThread(db, activity, asOfficer, officerReply);
  await sendToThread(db, activity, asVictim, updateRequest);
  return true;
}
