// A usage report for <vp-force-dashboard>'s stories, at the scale the first forces published
// (about 4,700 victims signed in 18,500 times, 800 messages): made up, week by week, and
// consistent (the weeks add up to the totals). No server: the stories' fake service answers with it.
import type { UsageReport, UsageWeek } from '@victim-portal/sdk';

const dayMs = 86_400_000;
const day = (value: number) => new Date(value).toISOString().slice(0, 10);

/**
 * @returns a report for `weekCount` whole weeks ending on the Sunday before `today`, its figures
 * growing as more victims are invited
 * @param today a day (`YYYY-MM-DD`)
 */
export function usageReportFor(weekCount: number, today: string): UsageReport {
  const end = Date.parse(`${today}T00:00:00Z`);
  const lastMonday = end - (((new Date(end).getUTCDay() + 6) % 7) + 7) * dayMs;
  const byWeek: UsageWeek[] = Array.from({ length: weekCount }, (_, index) => {
    const growth = 0.6 + (0.8 * index) / Math.max(1, weekCount - 1);
    // A quiet week at Christmas-like dips, so the charts are not a plain slope.
    const dip = index % 6 === 4 ? 0.7 : 1;
    const invitesSent = Math.round(560 * growth * dip);
    const due = Math.round(150 * growth);
    return {
      weekStarting: day(lastMonday - (weekCount - 1 - index) * 7 * dayMs),
      invitesSent,
      invitesRedeemed: Math.round(invitesSent * 0.63),
      signIns: Math.round(1420 * growth * dip),
      victimsSignedIn: Math.round(520 * growth * dip),
      messagesFromVictims: Math.round(38 * growth * dip),
      messagesFromOfficers: Math.round(24 * growth * dip),
      updateRequests: Math.round(17 * growth * dip),
      victimsCodeDue: due,
      victimsCodeMet: Math.round(due * (0.82 + (index % 4) * 0.04)),
    };
  });
  const sum = (key: keyof Omit<UsageWeek, 'weekStarting'>) => byWeek.reduce((total, week) => total + week[key], 0);
  const [sent, redeemed, due, met, requests] = [sum('invitesSent'), sum('invitesRedeemed'), sum('victimsCodeDue'), sum('victimsCodeMet'), sum('updateRequests')];
  const answered = Math.round(requests * 0.91);
  const readingUpdates = Math.round(sum('signIns') * 0.31);
  return {
    from: byWeek[0]?.weekStarting ?? today,
    to: day(lastMonday + 6 * dayMs),
    asOf: `${today}T09:12:00Z`,
    invites: { sent, redeemed, activationRate: sent === 0 ? null : redeemed / sent },
    eligibility: {
      cases: Math.round(sent * 1.3),
      eligible: sent,
      notEligible: Math.round(sent * 0.3),
      reasons: { offence_not_eligible: Math.round(sent * 0.18), risk_flag: Math.round(sent * 0.09), victim_under_minimum_age: Math.round(sent * 0.02), no_contact_channel: Math.round(sent * 0.01) },
    },
    signIns: { victims: Math.round(sum('victimsSignedIn') * 0.67), signIns: sum('signIns') },
    messages: { fromVictims: sum('messagesFromVictims'), fromOfficers: sum('messagesFromOfficers'), updateRequests: requests, updateRequestsAnswered: answered },
    officerReplyTime: { replies: sum('messagesFromOfficers'), elapsedMinutes: { median: 312, p90: 1710 }, workingMinutes: { median: 146, p90: 655 } },
    notifications: { sent: Math.round(sum('signIns') * 0.4), failed: 23 },
    victimsCode: { due, met, rate: due === 0 ? null : met / due },
    callsAvoided: {
      estimate: answered + readingUpdates,
      updateRequestsAnswered: answered,
      signInsReadingNewUpdate: readingUpdates,
      assumptions: { perUpdateRequestAnswered: 1, perSignInReadingNewUpdate: 1, updateReadWithinDays: 7 },
    },
    byWeek,
    byCrimeTypeGroup: [],
    byChannel: [],
  };
}

/** @returns a report of a period when nothing happened: every count zero, every rate and time null */
export function quietReport(today: string): UsageReport {
  const report = usageReportFor(4, today);
  const zero = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).map(([key, figure]) => [key, typeof figure === 'number' ? 0 : figure])) as T;
  return {
    ...report,
    invites: { sent: 0, redeemed: 0, activationRate: null },
    signIns: { victims: 0, signIns: 0 },
    messages: zero(report.messages),
    officerReplyTime: { replies: 0, elapsedMinutes: { median: null, p90: null }, workingMinutes: { median: null, p90: null } },
    victimsCode: { due: 0, met: 0, rate: null },
    callsAvoided: { ...report.callsAvoided, estimate: 0, updateRequestsAnswered: 0, signInsReadingNewUpdate: 0 },
    byWeek: report.byWeek.map((week) => ({ ...zero(week), weekStarting: week.weekStarting })),
  };
}

/** @returns the report as the service's CSV (`section,key,measure,value`), for the download in the stories */
export function usageReportCsv(report: UsageReport): string {
  const rows = ['section,key,measure,value', `total,,sign_ins,${report.signIns.signIns}`, `total,,victims_signed_in,${report.signIns.victims}`];
  for (const week of report.byWeek) rows.push(`week,${week.weekStarting},sign_ins,${week.signIns}`);
  return `${rows.join('\r\n')}\r\n`;
}
