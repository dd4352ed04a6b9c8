import type {
  CaseCreate, CaseUpdate, EligibilityRules, ForceCase, ForceSettings, ForceSettingsUpdate, InviteOutcome, Officer, OfficerUpsert,
} from '@victim-portal/contract';
import { Http, type HttpOptions } from './http.js';

/** Options for a records system's client. */
export interface ForceClientOptions extends HttpOptions {
  /** The force's API key (`vpk_…`). Keep it on your server: never ship it to a browser. */
  apiKey: string;
}

/**
 * For a force's records system (back end only): keep officers in step, create and change
 * cases and their victims (which invites the victim when eligible), manage invites, and set
 * the force's portal settings and eligibility rules.
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
    return this.#http.json('put', `v1/officers/${encodeURIComponent(collarNumber)}`, officer);
  }

  /**
   * Stores a case and its victim; invites the victim when the force's rules allow.
   * @returns the case, whose `invite` says whether an invite was sent and, if not, why
   */
  createCase(newCase: CaseCreate): Promise<ForceCase> {
    return this.#http.json('post', 'v1/cases', newCase);
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
  resendInvite(caseId: string): Promise<InviteOutcome> {
    return this.#http.json('post', `${caseUrl(caseId)}/invite/resend`);
  }

  /** Replaces an open, expired or locked invite with a new one. @returns the new invite */
  reissueInvite(caseId: string): Promise<InviteOutcome> {
    return this.#http.json('post', `${caseUrl(caseId)}/invite/reissue`);
  }

  /** Stops the open invite from working. @returns the invite as it now stands */
  revokeInvite(caseId: string): Promise<InviteOutcome> {
    return this.#http.json('post', `${caseUrl(caseId)}/invite/revoke`);
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
}

function caseUrl(caseId: string): string {
  return `v1/cases/${encodeURIComponent(caseId)}`;
}
