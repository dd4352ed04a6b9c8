import { ProblemError, networkProblemType, type CaseRights, type CaseStage, type Language, type Preferences, type PreferencesUpdate, type Problem, type SupportReferral, type VictimClient, type VictimSupportService, type VictimsCode } from '@victim-portal/sdk';
import type { PortalSession } from '../shared/session.js';

/**
 * What `<vp-rights>`, `<vp-support-services>` and `<vp-preferences>` ask the service. These are
 * the contract's operations (getVictimsCode, getMyRights, listMySupportServices,
 * requestSupportReferral, getMyPreferences, updateMyPreferences) by the SDK's naming.
 */
export interface InfoService {
  getVictimsCode(lang?: Language, stage?: CaseStage): Promise<VictimsCode>;
  getMyRights(caseId: string, lang?: Language): Promise<CaseRights>;
  listMySupportServices(caseId: string, lang?: Language): Promise<VictimSupportService[]>;
  requestSupportReferral(caseId: string, serviceKey: string): Promise<SupportReferral>;
  getMyPreferences(): Promise<Preferences>;
  updateMyPreferences(update: PreferencesUpdate): Promise<Preferences>;
}

/** Where the service is, for an element on its own (the `api-base` attribute) and its fetch. */
export interface ServiceLocation {
  apiBase: string;
  fetch?: typeof fetch | undefined;
}

/**
 * @returns the service as the session's VictimClient gives it: its own methods where the SDK has
 * them, else requests made here with the session's token (the SDK's VictimClient did not have
 * these operations when the elements were written; see the package README)
 */
export function infoService(session: PortalSession | undefined, location: ServiceLocation): InfoService {
  const client = session?.messaging;
  const own = ownMethods(client);
  const request = requester(client, location);
  const lang = (language?: Language): Record<string, string> => (language ? { lang: language } : {});
  return {
    getVictimsCode: (language, stage) => own.getVictimsCode?.(language, stage) ?? request('GET', 'v1/victims-code', { ...lang(language), ...(stage ? { stage } : {}) }),
    getMyRights: (caseId, language) => own.getMyRights?.(caseId, language) ?? request('GET', `${caseUrl(caseId)}/rights`, lang(language)),
    listMySupportServices: (caseId, language) =>
      own.listMySupportServices?.(caseId, language) ??
      request<{ items: VictimSupportService[] }>('GET', `${caseUrl(caseId)}/support-services`, lang(language)).then((list) => list.items),
    requestSupportReferral: (caseId, serviceKey) =>
      own.requestSupportReferral?.(caseId, serviceKey) ?? request('POST', `${caseUrl(caseId)}/support-referrals`, {}, { serviceKey, consent: true }),
    getMyPreferences: () => own.getMyPreferences?.() ?? request('GET', 'v1/me/preferences'),
    updateMyPreferences: (update) => own.updateMyPreferences?.(update) ?? request('PATCH', 'v1/me/preferences', {}, update),
  };
}

const operations = ['getVictimsCode', 'getMyRights', 'listMySupportServices', 'requestSupportReferral', 'getMyPreferences', 'updateMyPreferences'] as const;

/** @returns those of the operations the client has itself, bound to it */
function ownMethods(client: VictimClient | undefined): Partial<InfoService> {
  const methods: Record<string, unknown> = {};
  for (const name of operations) {
    const method = (client as unknown as Record<string, unknown> | undefined)?.[name];
    if (typeof method === 'function') methods[name] = method.bind(client);
  }
  return methods as Partial<InfoService>;
}

function caseUrl(caseId: string): string {
  return `v1/me/cases/${encodeURIComponent(caseId)}`;
}

type Request = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, search?: Record<string, string>, body?: unknown) => Promise<T>;

/** @returns a JSON request with the session's token that fails with the SDK's ProblemError */
function requester(client: VictimClient | undefined, location: ServiceLocation): Request {
  return async <T>(method: string, path: string, search: Record<string, string> = {}, body?: unknown): Promise<T> => {
    const base = new URL(location.apiBase.endsWith('/') ? location.apiBase : `${location.apiBase}/`, document.baseURI);
    const url = new URL(path, base);
    for (const [name, value] of Object.entries(search)) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (client?.sessionToken) headers.authorization = `Bearer ${client.sessionToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await (location.fetch ?? fetch)(url.href, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (error) {
      throw new ProblemError({ type: networkProblemType, title: 'The service could not be reached', status: 0 }, { cause: error });
    }
    const data: unknown = await response.json().catch(() => undefined);
    if (response.ok) return data as T;
    const problem = data as Partial<Problem> | undefined;
    throw new ProblemError(
      typeof problem?.type === 'string' && typeof problem.title === 'string'
        ? (problem as Problem)
        : { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status },
    );
  };
}
