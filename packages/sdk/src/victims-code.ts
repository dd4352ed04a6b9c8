import type { CaseStage, Language, VictimsCode } from '@victim-portal/contract';
import { Http, type HttpOptions } from './http.js';

/** Where the service is, and which of the Code's rights to read. */
export interface VictimsCodeOptions extends HttpOptions {
  /** `en` (the default) or `cy`. */
  lang?: Language;
  /** Only the rights that apply at this stage of a case (`reporting`, `investigation`, `decision`, `court`). */
  stage?: CaseStage;
}

/**
 * Reads the 12 rights of the Victims' Code, for any page of the force's website: a public
 * operation, so no API key or session is sent (safe in a browser before anyone signs in).
 * @returns the rights, each with a short summary, a link to the full text and the stages it applies at
 */
export function getVictimsCode(options: VictimsCodeOptions): Promise<VictimsCode> {
  const { lang, stage, ...http } = options;
  return new Http(http, () => undefined).json<VictimsCode>('get', 'v1/victims-code', undefined, { searchParams: { lang, stage } });
}
