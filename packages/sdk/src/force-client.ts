import type {
  CaseCreate, CaseUpdate, EligibilityRules, ForceCase, ForceSettings, ForceSettingsUpdate, InviteOutcome, Message, MessagePage, Officer,
  OfficerAbsenceUpdate, OfficerToken, OfficerUpsert, ReadState, WebhookSecret,
} from '@victim-portal/contract';
import { Http, type HttpOptions, type RequestOptions } from './http.js';
import { newId } from './ids.js';
import type { MessagePageOptions } from './message-pages.js';

/** Options for a records system's client. */
export interface ForceClientOptions extends HttpOptions {
  /** The force's API key (`vpk_…`). Keep it on your server: never ship it to a browser. */
  apiKey: string;
}

/** For a POST that changes something: makes a retry safe. */
export interface IdempotencyOptions {
  /**
   * The `Idempotency-Key` to send (1–255 printable ASCII characters). The same key with the
   * same body returns the first response and changes nothing; give your own to retry safely
   * across restarts of your process. When left out the SDK makes one per call, which covers
   * its own retries of that call (network failures, 502/503/504).
   */
  idempotencyKey?: string;
}

/** A reply from the records system. */
export interface ForceMessage {
  /** Plain text, 1–2000 characters. */
  body: string;
  /** The message's id (a UUID); generated when left out. Keep it to retry a send safely. */
  id?: string;
  /** Who is replying: the officer in charge when left out, or the officer covering. */
  collarNumber?: string;
}

/**
 * For a force's records system (back end only): keep officers in step, create and change
 * cases and their victims (which invites the victim when eligible), manage invites, set
 * the force's portal settings and eligibility rules, answer the victim's messages, mint
 * tokens for the officer widget and rotate the webhook secret.
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
   * Creates or rotates the secret that signs webhooks; for 24 hours deliveries are signed with
   * both the new and the previous one. Not retried (the secret is shown only once).
   * @returns the new secret (`whsec_…`): store it where `verifyWebhook` can read it
   */
  rotateWebhookSecret(): Promise<WebhookSecret> {
    return this.#http.json('post', 'v1/force/webhook-secret');
  }
}

/** One key per call unless given, so the SDK's own retries of this call are recognised. */
function idempotent(options: IdempotencyOptions): RequestOptions {
  return { headers: { 'Idempotency-Key': options.idempotencyKey ?? newId() }, retryable: true };
}

function officerUrl(collarNumber: string): string {
  return `v1/officers/${encodeURIComponent(collarNumber)}`;
}

function caseUrl(caseId: string): string {
  return `v1/cases/${encodeURIComponent(caseId)}`;
}
