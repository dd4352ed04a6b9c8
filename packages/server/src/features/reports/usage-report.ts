import type { Knex } from 'knex';
import type { Channel, UsageCrimeTypeGroup, UsageReport, UsageWeek } from '@victim-portal/contract';
import { otherCrimeTypeGroup } from '../../content/crime-type-groups.js';
import { forceSettingsOf } from '../force-settings/store.js';
import { crimeTypeGrouper } from './crime-type-groups.js';
import { signInsReadingNewUpdates } from './figures/calls-avoided.js';
import { eligibilityFigures, type NotInvitedReason } from './figures/eligibility.js';
import { inviteFigures } from './figures/invites.js';
import { messageFigures, updateRequestsAnswered } from './figures/messages.js';
import { notificationFigures } from './figures/notifications.js';
import { replyTimes } from './figures/reply-times.js';
import { reportScope } from './figures/scope.js';
import { signInFigures } from './figures/sign-ins.js';
import { victimsCodeFigures } from './figures/victims-code.js';
import type { ReportPeriod } from './period.js';

const channels: readonly Channel[] = ['email', 'sms'];
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

type WeekFigures = Omit<UsageWeek, 'weekStarting'>;
type GroupFigures = Omit<UsageCrimeTypeGroup, 'group' | 'label'>;

/**
 * The force's usage report for a period, counted now from the stored records (docs/reporting.md
 * defines every figure). The queries run side by side, each grouping in SQL by week, channel or
 * offence code; offence codes are put in crime-type groups here.
 */
export async function usageReport(db: Knex, forceId: string, period: ReportPeriod): Promise<UsageReport> {
  const scope = reportScope(forceId, period);
  const settings = await forceSettingsOf(db, forceId);
  const assumptions = settings.callsAvoided as Required<typeof settings.callsAvoided>;
  const [clock, invites, eligibility, signIns, messages, answered, replies, notifications, telling, readingUpdates] = await Promise.all([
    db.raw<{ rows: { now: Date }[] }>('select now() as now'),
    inviteFigures(db, scope),
    eligibilityFigures(db, scope),
    signInFigures(db, scope),
    messageFigures(db, scope),
    updateRequestsAnswered(db, scope),
    replyTimes(db, scope),
    notificationFigures(db, scope),
    victimsCodeFigures(db, scope),
    signInsReadingNewUpdates(db, scope, assumptions.updateReadWithinDays),
  ]);

  const groupOf = crimeTypeGrouper(settings.crimeTypeGroups);
  const weekZero = (): WeekFigures => ({ invitesSent: 0, invitesRedeemed: 0, signIns: 0, victimsSignedIn: 0, messagesFromVictims: 0, messagesFromOfficers: 0, updateRequests: 0, victimsCodeDue: 0, victimsCodeMet: 0 });
  const groupZero = (): GroupFigures => ({ cases: 0, eligible: 0, invitesSent: 0, invitesRedeemed: 0, signIns: 0, messagesFromVictims: 0, updateRequests: 0 });
  const weeks = new Map(period.weeks.map((monday) => [monday, weekZero()]));
  const groups = new Map([...settings.crimeTypeGroups, otherCrimeTypeGroup].map((group) => [group.key, groupZero()]));
  const byChannel = new Map(channels.map((channel) => [channel, { invitesSent: 0, invitesRedeemed: 0, notificationsSent: 0, notificationsFailed: 0 }]));
  // Every row's week is one of the period's, and every group key one of the force's.
  const week = (key: string | null) => weeks.get(key as string) as WeekFigures;
  const group = (offenceCode: string | null) => groups.get(groupOf(offenceCode)) as GroupFigures;

  for (const row of invites) {
    if (row.dimension === 'week') Object.assign(week(row.key), { invitesSent: row.sent, invitesRedeemed: row.redeemed });
    if (row.dimension === 'channel') Object.assign(byChannel.get(row.key as Channel) ?? {}, { invitesSent: row.sent, invitesRedeemed: row.redeemed });
    if (row.dimension === 'offence') {
      group(row.key).invitesSent += row.sent;
      group(row.key).invitesRedeemed += row.redeemed;
    }
  }
  const reasons: Record<NotInvitedReason, number> = { offence_not_eligible: 0, risk_flag: 0, victim_under_minimum_age: 0, no_contact_channel: 0 };
  for (const row of eligibility) {
    if (row.not_invited_reason) reasons[row.not_invited_reason] += row.cases;
    group(row.offence_code).cases += row.cases;
    if (!row.not_invited_reason) group(row.offence_code).eligible += row.cases;
  }
  for (const row of signIns) {
    if (row.dimension === 'week') Object.assign(week(row.key), { signIns: row.sign_ins, victimsSignedIn: row.victims });
    if (row.dimension === 'offence') group(row.key).signIns += row.sign_ins;
  }
  for (const row of messages) {
    if (row.dimension === 'week') Object.assign(week(row.key), { messagesFromVictims: row.from_victims, messagesFromOfficers: row.from_officers, updateRequests: row.update_requests });
    if (row.dimension === 'offence') {
      group(row.key).messagesFromVictims += row.from_victims;
      group(row.key).updateRequests += row.update_requests;
    }
  }
  for (const row of notifications) Object.assign(byChannel.get(row.channel) ?? {}, { notificationsSent: row.sent, notificationsFailed: row.failed });
  for (const row of telling) Object.assign(week(row.week), { victimsCodeDue: row.due, victimsCodeMet: row.met });

  const byWeek = [...weeks].map(([weekStarting, figures]) => ({ weekStarting, ...figures }));
  const total = <K extends keyof WeekFigures>(key: K) => byWeek.reduce((sum, w) => sum + w[key], 0);
  const sentByChannel = [...byChannel.values()];
  const invitesSent = sentByChannel.reduce((sum, c) => sum + c.invitesSent, 0);
  const invitesRedeemed = sentByChannel.reduce((sum, c) => sum + c.invitesRedeemed, 0);
  const cases = eligibility.reduce((sum, row) => sum + row.cases, 0);
  const notEligible = Object.values(reasons).reduce((sum, n) => sum + n, 0);
  const signInTotal = signIns.find((row) => row.dimension === 'total');
  const due = total('victimsCodeDue');
  const met = total('victimsCodeMet');
  const labels = new Map([...settings.crimeTypeGroups, otherCrimeTypeGroup].map((g) => [g.key, g.label]));

  return {
    from: period.from,
    to: period.to,
    asOf: (clock.rows[0] as { now: Date }).now.toISOString(),
    invites: { sent: invitesSent, redeemed: invitesRedeemed, activationRate: ratio(invitesRedeemed, invitesSent) },
    eligibility: { cases, eligible: cases - notEligible, notEligible, reasons },
    signIns: { victims: signInTotal?.victims ?? 0, signIns: signInTotal?.sign_ins ?? 0 },
    messages: { fromVictims: total('messagesFromVictims'), fromOfficers: total('messagesFromOfficers'), updateRequests: total('updateRequests'), updateRequestsAnswered: answered },
    officerReplyTime: replies,
    notifications: { sent: sentByChannel.reduce((sum, c) => sum + c.notificationsSent, 0), failed: sentByChannel.reduce((sum, c) => sum + c.notificationsFailed, 0) },
    victimsCode: { due, met, rate: ratio(met, due) },
    callsAvoided: {
      estimate: answered * assumptions.perUpdateRequestAnswered + readingUpdates * assumptions.perSignInReadingNewUpdate,
      updateRequestsAnswered: answered,
      signInsReadingNewUpdate: readingUpdates,
      assumptions,
    },
    byWeek,
    byCrimeTypeGroup: [...groups].map(([key, figures]) => ({ group: key, label: labels.get(key) as string, ...figures })),
    byChannel: [...byChannel].map(([channel, figures]) => ({ channel, ...figures })),
  };
}
