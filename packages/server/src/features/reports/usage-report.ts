import type { Knex } from 'knex';
import type { Channel, UsageCrimeTypeGroup, UsageReport, UsageWeek } from '@victim-portal/contract';
import { otherCrimeTypeGroup } from '../../content/crime-type-groups.js';
import { forceSettingsOf } from '../force-settings/store.js';
import { startOfLondonDay } from '../timeline/working-days.js';
import { crimeTypeGrouper } from './crime-type-groups.js';
import { messageFigures, updateRequestsAnswered } from './figures/messages.js';
import { replyTimes } from './figures/reply-times.js';
import { reportScope } from './figures/scope.js';
import { signInFigures } from './figures/sign-ins.js';
import { talliedFigures } from './figures/tallies.js';
import type { ReportPeriod } from './period.js';

const channels: readonly Channel[] = ['email', 'sms'];
type NotInvitedReason = keyof UsageReport['eligibility']['reasons'];
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

type WeekFigures = Omit<UsageWeek, 'weekStarting'>;
type GroupFigures = Omit<UsageCrimeTypeGroup, 'group' | 'label'>;

/**
 * The force's usage report for a period (docs/reporting.md defines every figure). The queries
 * run side by side: the tallies the database keeps by day for invites, cases, notifications and
 * deadlines (migration 0014), one pass over the period's sign-ins, and the period's messages;
 * offence codes are put in crime-type groups here.
 */
export async function usageReport(db: Knex, forceId: string, period: ReportPeriod): Promise<UsageReport> {
  const scope = reportScope(forceId, period);
  const settings = await forceSettingsOf(db, forceId);
  const assumptions = settings.callsAvoided as Required<typeof settings.callsAvoided>;
  // Where each week of the period starts within it: the first at the period's start.
  const weekStarts = period.weeks.map((monday, index) => (index === 0 ? period.start : startOfLondonDay(monday)));
  const [clock, tallies, signIns, messages, answered, replies] = await Promise.all([
    db.raw<{ rows: { now: Date }[] }>('select now() as now'),
    talliedFigures(db, scope, period.from, period.to),
    signInFigures(db, scope, weekStarts, assumptions.updateReadWithinDays),
    messageFigures(db, scope),
    updateRequestsAnswered(db, scope),
    replyTimes(db, scope),
  ]);

  const groupOf = crimeTypeGrouper(settings.crimeTypeGroups);
  const weekZero = (): WeekFigures => ({ invitesSent: 0, invitesRedeemed: 0, signIns: 0, victimsSignedIn: 0, messagesFromVictims: 0, messagesFromOfficers: 0, updateRequests: 0, victimsCodeDue: 0, victimsCodeMet: 0 });
  const groupZero = (): GroupFigures => ({ cases: 0, eligible: 0, invitesSent: 0, invitesRedeemed: 0, signIns: 0, messagesFromVictims: 0, updateRequests: 0 });
  const weeks = new Map(period.weeks.map((monday) => [monday, weekZero()]));
  const groups = new Map([...settings.crimeTypeGroups, otherCrimeTypeGroup].map((group) => [group.key, groupZero()]));
  const byChannel = new Map(channels.map((channel) => [channel, { invitesSent: 0, invitesRedeemed: 0, notificationsSent: 0, notificationsFailed: 0 }]));
  // Every row's week is one of the period's, and every group key one of the force's.
  const week = (key: string | null) => weeks.get(key as string) as WeekFigures;
  const group = (offenceCode: string | null) => groups.get(groupOf(offenceCode || null)) as GroupFigures;
  const channelOf = (key: string | null) => byChannel.get(key as Channel) ?? { invitesSent: 0, invitesRedeemed: 0, notificationsSent: 0, notificationsFailed: 0 };

  const reasons: Record<NotInvitedReason, number> = { offence_not_eligible: 0, risk_flag: 0, victim_under_minimum_age: 0, no_contact_channel: 0 };
  let cases = 0;
  for (const row of tallies) {
    const { dimension, figure, n } = row;
    if (dimension === 'week') {
      if (figure === 'invite_sent') week(row.week).invitesSent += n;
      if (figure === 'invite_redeemed') week(row.week).invitesRedeemed += n;
      if (figure === 'duty') week(row.week).victimsCodeDue += n;
      if (figure === 'duty_met') week(row.week).victimsCodeMet += n;
    } else if (dimension === 'key') {
      if (figure === 'invite_sent') channelOf(row.key).invitesSent += n;
      if (figure === 'invite_redeemed') channelOf(row.key).invitesRedeemed += n;
      if (figure === 'notification_sent') channelOf(row.key).notificationsSent += n;
      if (figure === 'notification_failed') channelOf(row.key).notificationsFailed += n;
    } else if (dimension === 'detail') {
      if (figure === 'invite_sent') group(row.detail).invitesSent += n;
      if (figure === 'invite_redeemed') group(row.detail).invitesRedeemed += n;
    } else if (figure === 'case') {
      // key: the offence code; detail: the reason the case got no invite, '' when eligible.
      cases += n;
      group(row.key).cases += n;
      if (row.detail) reasons[row.detail as NotInvitedReason] += n;
      else group(row.key).eligible += n;
    }
  }
  let victims = 0;
  let readingUpdates = 0;
  for (const row of signIns) {
    if (row.dimension === 'offence') {
      group(row.offence_code).signIns += row.sign_ins;
      continue;
    }
    Object.assign(week(period.weeks[(row.week as number) - 1] ?? null), { signIns: row.sign_ins, victimsSignedIn: row.victims });
    victims += row.victims_in_period;
    readingUpdates += row.reading_update;
  }
  for (const row of messages) {
    if (row.dimension === 'week') Object.assign(week(row.key), { messagesFromVictims: row.from_victims, messagesFromOfficers: row.from_officers, updateRequests: row.update_requests });
    if (row.dimension === 'offence') {
      group(row.key).messagesFromVictims += row.from_victims;
      group(row.key).updateRequests += row.update_requests;
    }
  }

  const byWeek = [...weeks].map(([weekStarting, figures]) => ({ weekStarting, ...figures }));
  const total = <K extends keyof WeekFigures>(key: K) => byWeek.reduce((sum, w) => sum + w[key], 0);
  const sentByChannel = [...byChannel.values()];
  const invitesSent = sentByChannel.reduce((sum, c) => sum + c.invitesSent, 0);
  const invitesRedeemed = sentByChannel.reduce((sum, c) => sum + c.invitesRedeemed, 0);
  const notEligible = Object.values(reasons).reduce((sum, n) => sum + n, 0);
  const due = total('victimsCodeDue');
  const met = total('victimsCodeMet');
  const labels = new Map([...settings.crimeTypeGroups, otherCrimeTypeGroup].map((g) => [g.key, g.label]));

  return {
    from: period.from,
    to: period.to,
    asOf: (clock.rows[0] as { now: Date }).now.toISOString(),
    invites: { sent: invitesSent, redeemed: invitesRedeemed, activationRate: ratio(invitesRedeemed, invitesSent) },
    eligibility: { cases, eligible: cases - notEligible, notEligible, reasons },
    signIns: { victims, signIns: total('signIns') },
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
