import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { UsageReport } from '@victim-portal/sdk';
import { formatCount, formatEstimate, formatMinutes, formatRate } from './numbers.js';

/** One headline figure: what it is, the figure, and what it is made of. */
interface Figure {
  key: string;
  label: string;
  value: string;
  detail?: TemplateResult | string;
}

/** @returns the headline figures of a report, in the order a force reports them */
export function headlineFigures(report: UsageReport): Figure[] {
  const { invites, signIns, messages, officerReplyTime: reply, victimsCode, callsAvoided } = report;
  return [
    { key: 'victims-signed-in', label: msg('Victims who signed in'), value: formatCount(signIns.victims) },
    { key: 'sign-ins', label: msg('Sign-ins'), value: formatCount(signIns.signIns) },
    {
      key: 'activation-rate',
      label: msg('Invites used (activation rate)'),
      value: formatRate(invites.activationRate),
      detail: msg(str`${formatCount(invites.redeemed)} of the ${formatCount(invites.sent)} invites sent in the period were used to sign in.`),
    },
    {
      key: 'messages-from-victims',
      label: msg('Victims’ messages'),
      value: formatCount(messages.fromVictims),
      detail: msg('Not counting requests for an update.'),
    },
    { key: 'messages-from-officers', label: msg('Officers’ messages'), value: formatCount(messages.fromOfficers) },
    {
      key: 'update-requests',
      label: msg('Requests for an update'),
      value: formatCount(messages.updateRequests),
      detail: msg(str`${formatCount(messages.updateRequestsAnswered)} answered by an officer.`),
    },
    {
      key: 'reply-time',
      label: msg('Officer reply time, median (working hours)'),
      value: formatMinutes(reply.workingMinutes.median),
      detail: html`${msg(str`90th percentile: ${formatMinutes(reply.workingMinutes.p90)}.`)}
        ${msg(str`In elapsed time: median ${formatMinutes(reply.elapsedMinutes.median)}, 90th percentile ${formatMinutes(reply.elapsedMinutes.p90)}.`)}
        ${msg(str`Replies measured: ${formatCount(reply.replies)}. Working hours are 08:00 to 18:00 on working days.`)}`,
    },
    {
      key: 'victims-code',
      label: msg("Victims' Code compliance"),
      value: formatRate(victimsCode.rate),
      detail: msg(str`${formatCount(victimsCode.met)} of ${formatCount(victimsCode.due)} key decisions due in the period were told to the victim on time.`),
    },
    {
      key: 'calls-avoided',
      label: msg('Calls to 101 avoided (estimate)'),
      value: formatEstimate(callsAvoided.estimate),
      detail: callsAvoidedMethod(report),
    },
  ];
}

/** The method behind the estimate, with the force's own assumptions, behind a disclosure. */
function callsAvoidedMethod({ callsAvoided }: UsageReport): TemplateResult {
  const { assumptions } = callsAvoided;
  const perAnswer = formatEstimate(assumptions.perUpdateRequestAnswered ?? 1);
  const perSignIn = formatEstimate(assumptions.perSignInReadingNewUpdate ?? 1);
  const withinDays = formatCount(assumptions.updateReadWithinDays ?? 7);
  return html`<details class="method">
    <summary>${msg('How this is estimated')}</summary>
    <p>
      ${msg(str`Each request for an update that an officer answered in the portal counts ${perAnswer} towards the estimate. In this period: ${formatCount(callsAvoided.updateRequestsAnswered)}.`)}
    </p>
    <p>
      ${msg(str`Each sign-in within ${withinDays} days after a new update on the victim’s case, which they had not seen yet, counts ${perSignIn}. In this period: ${formatCount(callsAvoided.signInsReadingNewUpdate)}.`)}
    </p>
    <p>${msg('These are your force’s own assumptions, kept in its portal settings. It is an estimate, not a count of calls.')}</p>
  </details>`;
}

/** @returns the headline figures as a list of terms and values */
export function headline(report: UsageReport): TemplateResult {
  return html`<dl class="figures" part="figures">
    ${headlineFigures(report).map(
      (figure) => html`<div class="figure" data-figure=${figure.key}>
        <dt>${figure.label}</dt>
        <dd class="value">${figure.value}</dd>
        ${figure.detail ? html`<dd class="detail">${figure.detail}</dd>` : nothing}
      </div>`,
    )}
  </dl>`;
}
