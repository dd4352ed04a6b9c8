// A fake Victim Portal service for the stories: the tests' FakeApi behind an injected fetch, so
// Storybook needs no server and sends nothing over the network.
import type { OfficerInCharge, SignInChallenge, VictimCase } from '@victim-portal/sdk';
import { FakeApi, problem } from '../../test/fake-api.js';
import { FakeStream } from '../../test/fake-stream.js';
import { FakeThread } from '../../test/fake-thread.js';
import { burglary, burglaryThread, codeChallenge, oneTimeCode, sessionTimes } from '../../test/fixtures.js';
import { burglaryCrimeReport, burglaryRightsAfterDecision, burglarySupportServices, burglaryTimeline, preferences } from '../../test/fixtures.js';
import { until } from './play.js';

export { FakeApi, neverAnswers, networkFailure, problem } from '../../test/fake-api.js';
export { FakeStream } from '../../test/fake-stream.js';
export { FakeThread } from '../../test/fake-thread.js';
export { bikeTheft, burglary, burglaryThread, officerAwayWithCover, codeChallenge, dateOfBirthChallenge, inviteToken, oneTimeCode, postcodeChallenge } from '../../test/fixtures.js';

/** The answer the fake service accepts for each second factor. */
export const rightAnswers: Record<SignInChallenge['method'], string> = {
  one_time_code: oneTimeCode,
  date_of_birth: '1990-03-27',
  postcode: 'SW1A 1AA',
};

/**
 * @returns a fake service where the invite, its second factor (`challenge`) and the session
 * work, the victim has `cases` (the burglary with a thread of messages, others with none), and a
 * wrong answer leaves 4 tries. Override a route with `.on()`.
 */
export function fakeService(cases: VictimCase[] = [burglary], challenge: SignInChallenge = codeChallenge): FakeApi {
  const api = new FakeApi();
  for (const victimCase of cases) {
    new FakeThread(victimCase.id, victimCase.id === burglary.id ? burglaryThread : [], victimCase.officerInCharge).install(api, 'victim', { stream: false });
  }
  return api
    .on('GET /v1/me/stream', new FakeStream().route)
    .on('POST /v1/invites/challenge', { status: 200, body: challenge })
    .on('POST /v1/invites/redeem', (request) =>
      (request.body as { answer?: string }).answer === rightAnswers[challenge.method]
        ? { status: 201, body: { sessionToken: 'vps_StorySessionToken_0123456789', ...sessionTimes(Date.now()) } }
        : problem(422, 'second-factor-incorrect', { attemptsLeft: 4 }),
    )
    .on('POST /v1/sign-in-links', { status: 202, body: { status: 'accepted' } })
    .on('GET /v1/me/cases', { status: 200, body: { items: cases } })
    .on('GET /v1/me/session', () => ({ status: 200, body: sessionTimes(Date.now()) }))
    .on('DELETE /v1/me/session', { status: 204 })
    // The sections of the burglary beyond its status and messages (other cases have none: 404).
    .on(`GET /v1/me/cases/${burglary.id}/timeline`, { status: 200, body: burglaryTimeline })
    .on(`GET /v1/me/cases/${burglary.id}/crime-report`, { status: 200, body: burglaryCrimeReport })
    .on(`GET /v1/me/cases/${burglary.id}/rights`, { status: 200, body: burglaryRightsAfterDecision })
    .on(`GET /v1/me/cases/${burglary.id}/support-services`, { status: 200, body: { items: burglarySupportServices } })
    .on('GET /v1/me/preferences', { status: 200, body: preferences });
}

// Long words, for the stories that check text wraps at 320 px instead of scrolling sideways.

/** An officer with a long name, and a long name covering for them while they are away. */
export const officerWithLongName: OfficerInCharge = {
  displayName: 'DCI Alexandra Montgomery-Fitzwilliam-Oyelaran-Worthington',
  rank: 'detective_chief_inspector',
  collarNumber: 'KN00987654321',
  absence: {
    from: '2025-03-14T00:00:00Z',
    until: '2025-03-24T00:00:00Z',
    coveredBy: { displayName: 'DS Bartholomew Oluwaseun Kowalczyk-Abernethy-Fairweather', rank: 'detective_sergeant', collarNumber: 'KN00123456789' },
  },
};

/** The burglary with a long crime reference, a long crime type and the officer with a long name. */
export const burglaryWithLongWords: VictimCase = {
  ...burglary,
  crimeReference: 'KN/24/00123456789012345678901234567890',
  crimeType: 'Burglary of a dwelling with intent to steal, including the theft of a motor vehicle taken from the driveway',
  officerInCharge: officerWithLongName,
};

/** A link with no place to break, as victims and officers paste them into messages. */
export const unbrokenLink = 'https://www.kingsmoor.police.example/report/continue?reference=KN2400123456789012345678901234567890&step=evidence-upload';

/** @returns every element under `root`, through shadow roots */
const deepElements = (root: Element | ShadowRoot): Element[] =>
  [...root.querySelectorAll('*')].flatMap((element) => [element, ...(element.shadowRoot ? deepElements(element.shadowRoot) : [])]);

/**
 * A play function for a story whose GET fails: the SDK retries a GET that met a 5xx or a network
 * failure twice (about a second in all), and the loading screen stays still meanwhile, so the
 * story waits for the failed screen's "Try again" before it is looked at (or checked by axe).
 */
export async function failedScreen({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  await until(() => deepElements(canvasElement).some((element) => element.localName === 'button' && element.textContent?.trim() === 'Try again'), 5000);
}
