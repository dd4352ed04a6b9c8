import type { UsageHistory } from './usage-history.js';

/** A small seeded generator (mulberry32), so a failing history can be run again exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const offenceCodes = ['028/01', '028/02', '049/01', '045/01', '008/01', '017/01', '195/12', '056/01', '053/01', '034/01'];
const reasons = [null, null, null, null, 'offence_not_eligible', 'risk_flag', 'victim_under_minimum_age', 'no_contact_channel'];
const eventTypes = ['crime_allocated', 'suspect_arrested', 'charged', 'update_given', 'report_received'];

/**
 * A random history around a period: victims with cases, invites, sign-ins, threads, events with
 * deadlines and notifications, at random whole seconds from `first` to `last` (some outside the
 * period). Every time is distinct, so "after" never depends on the order rows were written.
 */
export async function randomUsageHistory(history: UsageHistory, seed: number, first: string, last: string, victims = 30): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const start = Date.parse(first);
  const end = Date.parse(last);
  const used = new Set<number>();
  /** A distinct random instant after `after` (the start when left out), or null when too near the end. */
  const moment = (after = start - 1000): string | null => {
    if (end - after < 3_600_000) return null;
    for (;;) {
      const t = after + 1000 + Math.floor((random() * (end - after - 1000)) / 1000) * 1000;
      if (!used.has(t)) {
        used.add(t);
        return new Date(t).toISOString();
      }
    }
  };
  const anywhere = () => moment() as string;

  for (let v = 0; v < victims; v++) {
    const victimId = await history.victim();
    const cases = 1 + Math.floor(random() * 2);
    for (let c = 0; c < cases; c++) {
      const createdAt = anywhere();
      const reason = pick(reasons);
      const caseId = await history.case(victimId, pick(offenceCodes), createdAt, reason, new Date(Date.parse(createdAt) - Math.floor(random() * 72) * 3_600_000).toISOString());
      if (reason === null) {
        for (let i = Math.floor(random() * 3); i > 0; i--) {
          const sentAt = moment(Date.parse(createdAt));
          if (sentAt) await history.invite(victimId, caseId, pick(['email', 'sms'] as const), sentAt, random() < 0.5 ? moment(Date.parse(sentAt)) : null);
        }
      }
      // A thread, written in random order (the sequence need not follow time).
      const thread = Array.from({ length: Math.floor(random() * 9) }, () => ({ who: pick(['victim', 'update_request', 'officer', 'officer', 'system'] as const), time: anywhere() }));
      for (const message of thread) await history.message(caseId, message.who, message.time);
      for (let e = Math.floor(random() * 5); e > 0; e--) {
        const createdAtEvent = anywhere();
        const type = pick(eventTypes);
        const dueBy = type === 'suspect_arrested' || type === 'charged' ? new Date(Date.parse(createdAtEvent) + Math.floor(random() * 10) * 86_400_000).toISOString() : undefined;
        const toldAt = dueBy && random() < 0.7 ? new Date(Date.parse(createdAtEvent) + Math.floor(random() * 12) * 86_400_000).toISOString() : undefined;
        await history.event(caseId, { type, createdAt: createdAtEvent, victimVisible: random() < 0.85, ...(dueBy ? { dueBy } : {}), ...(toldAt ? { toldAt } : {}) });
      }
    }
    for (let s = Math.floor(random() * 9); s > 0; s--) history.signIn(victimId, anywhere());
    if (random() < 0.2) await history.invite(victimId, null, 'email', anywhere());
  }
  for (let n = 0; n < victims * 2; n++) {
    const outcome = pick(['sent', 'sent', 'sent', 'waiting', { failed: 'notify_400' }, { failed: 'cancelled_read' }, { failed: 'cancelled' }] as const);
    await history.outbox('notification', { template: pick(['invite', 'one_time_code', 'new_message', 'case_update', 'force_alert']), channel: pick(['email', 'sms'] as const) }, anywhere(), outcome);
  }
  await history.finish();
}
