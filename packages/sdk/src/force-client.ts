import type {
  AdminToken, CaseCreate, CaseEvent, CaseEventCreate, CaseEventList, CaseUpdate, ComplianceReport, DutyList, EligibilityRules, EventWording,
  EventWordingList, EventWordingUpdate, ForceCase, ForceSettings, ForceSettingsUpdate, InviteOutcome, Message, MessagePage, Officer,
  OfficerAbsenceUpdate, OfficerToken, OfficerUpsert, CaseEventType, ReadState, SupportReferral, SupportReferralList, SupportService,
  SupportServiceList, SupportServiceUpsert, TellingRecord, UsageReport, WebhookSecret,
} from '@victim-portal/contract';
import { caseUrl, idempotent, officerUrl, serviceUrl, type CompliancePeriod, type DutyQuery, type ForceMessage, type IdempotencyOptions, type UsagePeriod } from './force-requests.js';
import { Http, type HttpOptions } from './http.js';
import { newId } from './ids.js';
import type { MessagePageOptions } from './message-pages.js';

export type { CompliancePeriod, DutyQuery, ForceMessage, IdempotencyOptions, UsagePeriod } from './force-requests.js';

/** Options for a records system's client. */
export interface ForceClientOptions extends HttpOptions {
  /** The force's API key (`vpk_…`). Keep it on your server: never ship it to a browser. */
  apiKey: string;
}

/**
 * For a force's records system (back end only): keep officers in step, create and change
 * cases and their victims (which invites the victim when eligible), manage invites, set
 * the force's portal settings and eligibility rules, answer the victim's messages, post key
 * decisions and record that the victim was told, list Victims' Code duties and read compliance,
 * word events, keep the support directory and record referrals, read the usage report, mint
 * tokens for the officer widget and the force's dashboard, and rotate the webhook secret.
 */
export class ForceClient {
  readonly #http: Http;

  constructor(options: ForceClientOptions) {
    this.#http = new Http(options, () => options.apiKey);
  }

  /**
   * Creates or updates an officer by collar number.
   * @returns the officer as stored
   */
  putOfficer(collarNumber: string, officer: OfficerUpsert): Promise<Officer> {
    return this.#http.json('put', officerUrl(collarNumber), officer);
  }

  /**
   * Stores a case and its victim; invites the victim when the force's rules allow.
   * @returns the case, whose `invite` says whether an invite was sent and, if not, why
   */
  createCase(newCase: CaseCreate, options: IdempotencyOptions = {}): Promise<ForceCase> {
    return this.#http.json('post', 'v1/cases', newCase, idempotent(options));
  }

  /** @returns one of this force's cases; ProblemError 404 for any other id */
  getCase(caseId: string): Promise<ForceCase> {
    return this.#http.json('get', caseUrl(caseId));
  }

  /**
   * Changes risk flags, officer in charge or victim contact details; eligibility is evaluated
   * again (a case no longer eligible loses its unredeemed invite).
   * @returns the case as now stored
   */
  updateCase(caseId: string, change: CaseUpdate): Promise<ForceCase> {
    return this.#http.json('patch', caseUrl(caseId), change);
  }

  /** Sends the open invite again, as a new link with the same expiry. @returns the invite */
  resendInvite(caseId: string, options: IdempotencyOptions = {}): Promise<InviteOutcome> {
    return this.#http.json('post', `${caseUrl(caseId)}/invite/resend`, undefined, idempotent(options));
  }

  /** Replaces an open, expired or locked invite with a new one. @returns the new invite */
  reissueInvite(caseId: string, options: IdempotencyOptions = {}): Promise<InviteOutcome> {
    return this.#http.json('post', `${caseUrl(caseId)}/invite/reissue`, undefined, idempotent(options));
  }

  /** Stops the open invite from working. @returns the invite as it now stands */
  revokeInvite(caseId: string, options: IdempotencyOptions = {}): Promise<InviteOutcome> {
    return this.#http.json('post', `${caseUrl(caseId)}/invite/revoke`, undefined, idempotent(options));
  }

  /** @returns the force's portal settings */
  getForceSettings(): Promise<ForceSettings> {
    return this.#http.json('get', 'v1/force/settings');
  }

  /** Changes some of the force's settings. @returns the settings as now stored */
  updateForceSettings(change: ForceSettingsUpdate): Promise<ForceSettings> {
    return this.#http.json('patch', 'v1/force/settings', change);
  }

  /** @returns which cases get an invite */
  getEligibilityRules(): Promise<EligibilityRules> {
    return this.#http.json('get', 'v1/force/eligibility-rules');
  }

  /** Replaces the force's eligibility rules. @returns the rules as now stored */
  putEligibilityRules(rules: EligibilityRules): Promise<EligibilityRules> {
    return this.#http.json('put', 'v1/force/eligibility-rules', rules);
  }

  /**
   * Reads one page of a case's thread.
   * @param options.after start after this message cursor (the start of the thread when left out)
   * @param options.limit at most this many messages (1–200)
   * @returns the page, oldest first, with how far each side has read
   */
  listMessages(caseId: string, options: MessagePageOptions = {}): Promise<MessagePage> {
    return this.#http.json('get', `${caseUrl(caseId)}/messages`, undefined, { searchParams: { ...options } });
  }

  /**
   * Replies to the victim as the officer in charge (or as `collarNumber`, covering). Idempotent
   * by the message id and by the Idempotency-Key.
   * @returns the stored message
   */
  sendMessage(caseId: string, message: ForceMessage, options: IdempotencyOptions = {}): Promise<Message> {
    const { body, id = newId(), collarNumber } = message;
    return this.#http.json('post', `${caseUrl(caseId)}/messages`, { id, body, ...(collarNumber ? { collarNumber } : {}) }, idempotent(options));
  }

  /**
   * Records that the officers have read the thread up to a message (a receipt never moves back).
   * @param upTo the `cursor` of the newest message read
   * @param options.collarNumber who read it, when not the officer in charge
   * @returns where each side has now read up to
   */
  markRead(caseId: string, upTo: string, options: IdempotencyOptions & { collarNumber?: string } = {}): Promise<ReadState> {
    const receipt = { upTo, ...(options.collarNumber ? { collarNumber: options.collarNumber } : {}) };
    return this.#http.json('post', `${caseUrl(caseId)}/messages/read`, receipt, idempotent(options));
  }

  /**
   * Mints a short-lived token for one officer, for the officer widget's `getToken()`. Call it
   * from your back end and hand the token only to that officer's browser. Not retried (each
   * call mints a new token).
   * @param ttlSeconds how long it lasts, 60–3600 (the service's default is 900)
   * @returns the token, its expiry and the officer
   */
  mintOfficerToken(collarNumber: string, ttlSeconds?: number): Promise<OfficerToken> {
    return this.#http.json('post', 'v1/officer-tokens', { collarNumber, ...(ttlSeconds === undefined ? {} : { ttlSeconds }) });
  }

  /**
   * Records that an officer is away (replacing any absence recorded) and who covers meanwhile.
   * @returns the officer with the absence as now stored
   */
  putOfficerAbsence(collarNumber: string, absence: OfficerAbsenceUpdate): Promise<Officer> {
    return this.#http.json('put', `${officerUrl(collarNumber)}/absence`, absence);
  }

  /** The officer is back: clears their absence (there may have been none). */
  clearOfficerAbsence(collarNumber: string): Promise<void> {
    return this.#http.send('delete', `${officerUrl(collarNumber)}/absence`);
  }

  /**
   * Records a key decision or update on the case (the case's status follows from its events).
   * A victim-visible key decision gets a deadline for telling the victim, who is notified
   * unless they opted out. Idempotent by the Idempotency-Key.
   * @param event its type, when it happened, and optionally the officer's words, the outcome code
   *   (`case_closed` only) and `told` when the officer already told the victim
   * @returns the stored event, with its `dueBy` and `duty`
   */
  recordEvent(caseId: string, event: CaseEventCreate, options: IdempotencyOptions = {}): Promise<CaseEvent> {
    return this.#http.json('post', `${caseUrl(caseId)}/events`, event, idempotent(options));
  }

  /** @returns every event of the case, oldest first, each with its deadline and when the victim was told */
  async events(caseId: string): Promise<CaseEvent[]> {
    return (await this.#http.json<CaseEventList>('get', `${caseUrl(caseId)}/events`)).items;
  }

  /**
   * Records that an officer told the victim of an event another way (in person, phone, letter,
   * email). Only the first telling counts: an event already told comes back unchanged.
   * @param told when (not before the event, not in the future) and how
   * @returns the event as now stored
   */
  recordVictimTold(caseId: string, eventId: string, told: TellingRecord, options: IdempotencyOptions = {}): Promise<CaseEvent> {
    return this.#http.json('post', `${caseUrl(caseId)}/events/${encodeURIComponent(eventId)}/told`, told, idempotent(options));
  }

  /**
   * Lists what the force must still do for victims (untold key decisions, referrals not made).
   * @param query `state`, `dueBefore`, `collarNumber` (only that officer's cases), `limit`
   * @returns the duties, soonest due first, and the time `overdue` was judged at
   */
  duties(query: DutyQuery = {}): Promise<DutyList> {
    const { dueBefore, ...rest } = query;
    const searchParams = { ...rest, dueBefore: dueBefore instanceof Date ? dueBefore.toISOString() : dueBefore };
    return this.#http.json('get', 'v1/duties', undefined, { searchParams });
  }

  /**
   * Reads how many Victims' Code deadlines falling in a period the force met.
   * @param period `from` and `to`, whole days (`YYYY-MM-DD`), UK time
   * @returns the figures for telling victims (all, enhanced, standard) and for support referrals
   */
  victimsCodeCompliance(period: CompliancePeriod): Promise<ComplianceReport> {
    return this.#http.json('get', 'v1/reports/victims-code-compliance', undefined, { searchParams: { ...period } });
  }

  /**
   * Reads what the portal did for the force's victims in a period (docs/reporting.md).
   * @param period `from` and `to`, whole days (`YYYY-MM-DD`), UK time, at most 366 days apart
   * @returns the figures, with breakdowns by week, crime-type group and channel
   */
  usageReport(period: UsagePeriod): Promise<UsageReport> {
    return this.#http.json('get', 'v1/reports/usage', undefined, { searchParams: { ...period } });
  }

  /**
   * The same figures as {@link usageReport}, as CSV: `section,key,measure,value`, one row a figure.
   * @returns the CSV text
   */
  usageReportCsv(period: UsagePeriod): Promise<string> {
    return this.#http.text('v1/reports/usage', 'text/csv', { searchParams: { ...period } });
  }

  /**
   * Mints a short-lived token for a member of force staff to read the force's reports (the
   * dashboard's `getToken()`); it reads reports only, never a case. Call it from your back end
   * once they have signed in there. Not retried (each call mints a new token).
   * @param name who it is for (a staff number or name), written to the audit log
   * @param ttlSeconds how long it lasts, 60–28800 (the service's default is 3600)
   * @returns the token (`vpa_…`) and its expiry
   */
  mintAdminToken(name: string, ttlSeconds?: number): Promise<AdminToken> {
    return this.#http.json('post', 'v1/admin-tokens', { name, ...(ttlSeconds === undefined ? {} : { ttlSeconds }) });
  }

  /** @returns what the victim reads for each type of event, in English and Welsh, standard and the force's own */
  async eventWording(): Promise<EventWording[]> {
    return (await this.#http.json<EventWordingList>('get', 'v1/force/event-wording')).items;
  }

  /**
   * Changes the force's wording of one type of event; `null` in a language goes back to the
   * service's wording, a language left out stays as it is.
   * @returns the event type's wording as now stored
   */
  setEventWording(eventType: CaseEventType, wording: EventWordingUpdate): Promise<EventWording> {
    return this.#http.json('put', `v1/force/event-wording/${encodeURIComponent(eventType)}`, wording);
  }

  /** @returns the force's directory of support services */
  async supportServices(): Promise<SupportService[]> {
    return (await this.#http.json<SupportServiceList>('get', 'v1/support-services')).items;
  }

  /**
   * Adds a support service to the directory under the force's own key, or replaces it.
   * @param key lower-case letters, digits and hyphens, e.g. `victim-support-kent`
   * @returns the service as now stored
   */
  putSupportService(key: string, service: SupportServiceUpsert): Promise<SupportService> {
    return this.#http.json('put', serviceUrl(key), service);
  }

  /** Takes a service out of the directory (referrals already asked for are kept); ProblemError 404 for an unknown key. */
  deleteSupportService(key: string): Promise<void> {
    return this.#http.send('delete', serviceUrl(key));
  }

  /** @returns the victim's requests to be referred to support, oldest first, each with when it was made (if it was) */
  async caseSupportReferrals(caseId: string): Promise<SupportReferral[]> {
    return (await this.#http.json<SupportReferralList>('get', `${caseUrl(caseId)}/support-referrals`)).items;
  }

  /**
   * Records that the force referred the victim to the service (due within 2 working days of the
   * request). Only the first record counts: a second returns the referral unchanged.
   * @param referredAt when (not before the request, not in the future)
   * @returns the referral as now stored
   */
  recordReferralMade(caseId: string, referralId: string, referredAt: Date | string, options: IdempotencyOptions = {}): Promise<SupportReferral> {
    const made = { referredAt: referredAt instanceof Date ? referredAt.toISOString() : referredAt };
    return this.#http.json('post', `${caseUrl(caseId)}/support-referrals/${encodeURIComponent(referralId)}/made`, made, idempotent(options));
  }

  /**
   * Creates or rotates the secret that signs webhooks; for 24 hours deliveries are signed with
   * both the new and the previous one. Not retried (the secret is shown only once).
   * @returns the new secret (`whsec_…`): store it where `verifyWebhook` can read it
   */
  rotateWebhookSecret(): Promise<WebhookSecret> {
    return this.#http.json('post', 'v1/force/webhook-secret');
  }
}
