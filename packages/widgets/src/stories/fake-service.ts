// A fake Victim Portal service for the stories: the tests' FakeApi behind an injected fetch, so
// Storybook needs no server and sends nothing over the network.
import type { SignInChallenge, VictimCase } from '@victim-portal/sdk';
import { FakeApi, problem } from '../../test/fake-api.js';
import { FakeStream } from '../../test/fake-stream.js';
import { FakeThread } from '../../test/fake-thread.js';
import { burglary, burglaryThread, codeChallenge, oneTimeCode, sessionTimes } from '../../test/fixtures.js';
import { burglaryCrimeReport, burglaryRightsAfterDecision, burglarySupportServices, burglaryTimeline, preferences } from '../../test/fixtures.js';

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
