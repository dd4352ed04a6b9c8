import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { isProblem, type SignInChallenge } from '@victim-portal/sdk';
import { VpSignedInEvent } from '../events/signed-in-event.js';
import { checkCode, checkContact, checkDateOfBirth, checkPostcode, type Checked } from './answers.js';
import { inviteProblemOf, isRateLimited, isWrongAnswer } from './invite-problems.js';
import type { SignedOutReason, SignInView } from './sign-in-view.js';

/** What the sign-in needs from the service; `PortalSession` is one. */
export interface SignInService {
  startChallenge(inviteToken: string): Promise<SignInChallenge>;
  signInWithInvite(inviteToken: string, answer: string): Promise<void>;
  requestSignInLink(force: string, contact: string): Promise<void>;
}

/** What the flow needs from the element it runs in. */
export interface SignInFlowHost extends ReactiveControllerHost, HTMLElement {
  readonly service: SignInService;
  readonly inviteToken: string | undefined;
  readonly force: string;
  readonly reason: SignedOutReason;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The victim's way in: the invite's second factor, a new code, a new sign-in link, and kind
 * words for every way it can go wrong. On success it fires `vp-signed-in`; the session itself
 * is kept by the `SignInService`.
 */
export class SignInFlow implements ReactiveController {
  readonly #host: SignInFlowHost;
  #view: SignInView = { name: 'starting' };
  #focus: 'heading' | 'error-summary' | undefined;
  // Kept in memory only, never in storage: the URL no longer has it, and "new code" and
  // "Try again" need it.
  #inviteToken: string | undefined;
  #challenge: SignInChallenge | undefined;
  #retry: () => void = () => undefined;

  constructor(host: SignInFlowHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Where the victim is. */
  get view(): SignInView {
    return this.#view;
  }

  hostUpdate(): void {
    if (this.#view.name === 'starting') this.#start();
  }

  hostUpdated(): void {
    const focus = this.#focus;
    if (!focus) return;
    this.#focus = undefined;
    const selector = focus === 'heading' ? '[part~="heading"][tabindex="-1"]' : '.error-summary';
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Checks the second-factor answer in `form`, then signs in with it. */
  async submitAnswer(form: HTMLFormElement): Promise<void> {
    const view = this.#view;
    const token = this.#inviteToken;
    if (view.name !== 'challenge' || view.busy || token === undefined) return;
    const checked = readAnswer(view.challenge, new FormData(form));
    if ('error' in checked) {
      this.#show({ ...view, error: { message: checked.error, field: checked.field }, busy: false, notice: undefined }, 'error-summary');
      return;
    }
    this.#show({ ...view, busy: true }, undefined);
    try {
      await this.#host.service.signInWithInvite(token, checked.answer);
    } catch (error) {
      if (this.#view.name === 'exited') return;
      if (isWrongAnswer(error)) {
        const attemptsLeft = isProblem(error) ? error.attemptsLeft : undefined;
        this.#show({ ...view, error: { message: wrongAnswerMessage(view.challenge, attemptsLeft), field: firstField(view.challenge) }, busy: false, notice: undefined }, 'error-summary');
      } else {
        this.#showFailure(error, () => this.#show({ name: 'challenge', challenge: view.challenge }));
      }
      return;
    }
    // After a quick exit the service has already dropped what arrived: say nothing.
    if (this.#view.name === 'exited') return;
    this.#inviteToken = undefined;
    this.#challenge = undefined;
    this.#show({ name: 'signed-in' }, undefined);
    this.#host.dispatchEvent(new VpSignedInEvent());
  }

  /** For the quick exit: forgets the invite and everything shown, and ignores answers still on their way. */
  forget(): void {
    this.#inviteToken = undefined;
    this.#challenge = undefined;
    this.#show({ name: 'exited' }, undefined);
  }

  /** Asks the service to send a new one-time code. */
  sendNewCode(): void {
    void this.#askForChallenge('new-code');
  }

  /** Opens the "send me a new sign-in link" form. */
  showRequestLink(): void {
    this.#show({ name: 'request-link' });
  }

  /** Back from the new-link form to where the victim started. */
  back(): void {
    this.#show(this.#challenge ? { name: 'challenge', challenge: this.#challenge } : { name: 'welcome', reason: this.#host.reason });
  }

  /** Checks the contact in `form`, then asks for a new sign-in link. */
  async submitContact(form: HTMLFormElement): Promise<void> {
    const view = this.#view;
    if (view.name !== 'request-link' || view.busy) return;
    const checked = checkContact(String(new FormData(form).get('contact') ?? ''));
    if ('error' in checked) {
      this.#show({ name: 'request-link', error: { message: checked.error, field: checked.field } }, 'error-summary');
      return;
    }
    if (!this.#host.force) {
      // The page did not say which force it is: the service could not route the request.
      console.warn('[victim-portal] <vp-portal> needs a force="…" attribute (the force\'s slug) to send new sign-in links.');
    }
    this.#show({ name: 'request-link', busy: true }, undefined);
    try {
      await this.#host.service.requestSignInLink(this.#host.force, checked.answer);
    } catch (error) {
      if (this.#view.name === 'exited') return;
      // A 400 here means our check let through something the contract refuses: still answer
      // neutrally, so the page never tells anyone whether a contact is on record.
      if (!isProblem(error) || (error.status !== 400 && error.status !== 422)) {
        this.#showFailure(error, () => this.#show({ name: 'request-link' }));
        return;
      }
    }
    if (this.#view.name !== 'exited') this.#show({ name: 'link-sent' });
  }

  /** "Try again" after a failure or a wait. */
  retry(): void {
    this.#retry();
  }

  /** Moves focus to the current screen's heading. */
  focusHeading(): void {
    this.#focus = 'heading';
    this.#host.requestUpdate();
  }

  #start(): void {
    const token = this.#host.inviteToken;
    if (token === undefined) {
      this.#view = { name: 'welcome', reason: this.#host.reason };
      return;
    }
    this.#inviteToken = token;
    if (!token) {
      this.#view = { name: 'invite-problem', problem: 'invalid' };
      return;
    }
    this.#view = { name: 'checking-invite' };
    void this.#askForChallenge(undefined);
  }

  async #askForChallenge(notice: 'new-code' | undefined): Promise<void> {
    const token = this.#inviteToken;
    if (token === undefined) return;
    if (notice) this.#show({ name: 'checking-invite' });
    let challenge: SignInChallenge;
    try {
      challenge = await this.#host.service.startChallenge(token);
    } catch (error) {
      if (this.#view.name !== 'exited') this.#showFailure(error, () => void this.#askForChallenge(notice));
      return;
    }
    if (this.#view.name === 'exited') return;
    this.#challenge = challenge;
    this.#show({ name: 'challenge', challenge, ...(notice ? { notice } : {}) });
  }

  #showFailure(error: unknown, retry: () => void): void {
    const problem = inviteProblemOf(error);
    if (problem) {
      this.#inviteToken = undefined;
      this.#challenge = undefined;
      this.#show({ name: 'invite-problem', problem });
      return;
    }
    this.#retry = retry;
    if (isRateLimited(error)) this.#show({ name: 'wait', retryAfterSeconds: isProblem(error) ? error.retryAfterSeconds : undefined });
    else this.#show({ name: 'failed', requestId: isProblem(error) ? error.requestId : undefined });
  }

  #show(view: SignInView, focus: 'heading' | 'error-summary' | undefined = 'heading'): void {
    this.#view = view;
    this.#focus = focus;
    this.#host.requestUpdate();
  }
}

function readAnswer(challenge: SignInChallenge, form: FormData): Checked {
  const field = (name: string) => String(form.get(name) ?? '');
  switch (challenge.method) {
    case 'date_of_birth':
      return checkDateOfBirth({ day: field('dob-day'), month: field('dob-month'), year: field('dob-year') }, new Date());
    case 'postcode':
      return checkPostcode(field('postcode'));
    default:
      return checkCode(field('code'));
  }
}

/** @returns the id of the field a wrong answer points to */
export function firstField(challenge: SignInChallenge): string {
  switch (challenge.method) {
    case 'date_of_birth':
      return 'dob-day';
    case 'postcode':
      return 'postcode';
    default:
      return 'code';
  }
}

function wrongAnswerMessage(challenge: SignInChallenge, attemptsLeft: number | undefined): string {
  const wrong =
    challenge.method === 'date_of_birth'
      ? msg('The date of birth does not match what we hold.')
      : challenge.method === 'postcode'
        ? msg('The postcode does not match what we hold.')
        : msg('The code is not right. Check it and try again.');
  if (attemptsLeft === undefined) return wrong;
  const left =
    attemptsLeft === 1
      ? msg('You have 1 more try before this link stops working.')
      : msg(str`You have ${attemptsLeft} more tries before this link stops working.`);
  return `${wrong} ${left}`;
}
