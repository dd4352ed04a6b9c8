import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../shared/define.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import { PortalSession } from '../shared/session.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import type { Screen } from '../portal/screen.js';
import { challengeScreen, requestLinkScreen, type FormActions } from './form-screens.js';
import { takeInviteToken } from './invite-link.js';
import { SignInFlow, type SignInService } from './sign-in-flow.js';
import { checkingScreen, inviteProblemScreen, linkSentScreen, signedOutScreen, signInFailedScreen, waitScreen, type SignInActions } from './sign-in-screens.js';
import type { SignedOutReason, SignInView } from './sign-in-view.js';
import { signInStyles } from './sign-in.styles.js';

/**
 * @summary Signs a victim in with the invite link and its second factor (a one-time code, their
 * date of birth or postcode), lets returning victims ask for a new sign-in link, and explains
 * kindly when a link is used, expired, locked or tried too often. `<vp-portal>` uses it.
 *
 * Inside `<vp-portal>`, the portal hands it the session and the invite token. On its own, it
 * reads `#invite=…` from the URL itself (and removes it at once) and keeps the session in
 * sessionStorage like the portal does.
 *
 * @fires {VpSignedInEvent} vp-signed-in - The invite was redeemed (no case data).
 *
 * @csspart alert - The region announcing problems (role=alert).
 * @csspart content - The current screen.
 * @csspart heading - The current screen's heading.
 * @csspart error-summary - "There is a problem", above a form with a wrong answer.
 * @csspart submit-button - A form's main button.
 * @csspart new-code-button - "Send me a new code".
 * @csspart new-link-button - "Send me a new sign-in link".
 * @csspart notice - "We have sent you a new code".
 *
 * @cssprop --vp-color-error - Errors and the error summary's border.
 * @cssprop --vp-color-button - The forms' main buttons.
 * @cssprop --vp-focus-colour - Focus highlight.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpSignIn extends LitElement {
  static override styles = [themeStyles, controlStyles, signInStyles];

  /** The force's slug, for new sign-in links (e.g. `kent`). Without it, that form is not offered. */
  @property() force = '';

  /** Why nobody is signed in, for the first screen when there is no invite. */
  @property() reason: SignedOutReason = 'not-yet';

  /** The level of the headings, 2–6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  /** On its own only: the API's base URL. */
  @property({ attribute: 'api-base' }) apiBase = '/';

  /** On its own only: a fetch to use instead of the global one. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /** The session to sign in to; `<vp-portal>` sets it. Made from `api-base` when not set. */
  @property({ attribute: false }) session: SignInService | undefined;

  /**
   * The invite token from the link, '' for a link with an empty token, undefined for none;
   * `<vp-portal>` sets it. Read from the URL when `session` is not set.
   */
  @property({ attribute: false }) inviteToken: string | undefined;

  readonly #flow = new SignInFlow(this);
  /** The session this element made for itself, on its own (not inside `<vp-portal>`). */
  #ownSession: PortalSession | undefined;

  constructor() {
    super();
    new LanguageController(this);
  }

  /** Which screen is showing; read-only. */
  get view(): SignInView {
    return this.#flow.view;
  }

  /** @internal the service the flow uses */
  get service(): SignInService {
    if (!this.session) {
      this.#ownSession = new PortalSession({ apiBase: this.apiBase, fetch: this.fetch });
      this.session = this.#ownSession;
      this.inviteToken ??= takeInviteToken();
    }
    return this.session;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('vp-quick-exit', this.#onQuickExit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('vp-quick-exit', this.#onQuickExit);
  }

  /** Moves focus to the current screen's heading (after the portal changes to this screen). */
  focusHeading(): void {
    this.#flow.focusHeading();
  }

  protected override willUpdate(): void {
    // Before the flow starts: on its own, the element takes the invite from the URL.
    void this.service;
  }

  protected override render() {
    const screen = this.#screen();
    if (!screen) return nothing;
    const level = headingLevel(this.headingLevel, 2);
    const content = html`${screen.before ?? nothing}${heading(level, screen.heading, true)}${screen.body}`;
    return html`
      <div part="alert" class="alert" role="alert">${screen.alert ? content : nothing}</div>
      <div part="content" class="content">${screen.alert ? nothing : content}</div>
    `;
  }

  #screen(): Screen | undefined {
    const view = this.view;
    const level = headingLevel(this.headingLevel, 2);
    switch (view.name) {
      case 'starting':
      case 'signed-in':
      case 'exited':
        return undefined;
      case 'welcome':
        return signedOutScreen(view.reason, this.#actions);
      case 'checking-invite':
        return checkingScreen();
      case 'challenge':
        return challengeScreen(view.challenge, view, level, this.#formActions);
      case 'invite-problem':
        return inviteProblemScreen(view.problem, this.#actions);
      case 'wait':
        return waitScreen(view.retryAfterSeconds, this.#actions);
      case 'failed':
        return signInFailedScreen(view.requestId, this.#actions);
      case 'request-link':
        return requestLinkScreen(view, level, this.#formActions);
      case 'link-sent':
        return linkSentScreen();
    }
  }

  get #actions(): SignInActions {
    return {
      canRequestLink: this.force.trim() !== '',
      showRequestLink: () => this.#flow.showRequestLink(),
      retry: () => this.#flow.retry(),
    };
  }

  // On its own, the element keeps nothing once the victim uses a quick exit anywhere on the page,
  // not even a session whose sign-in is still on its way. (Inside `<vp-portal>` the portal does this.)
  readonly #onQuickExit = (): void => {
    this.#ownSession?.close();
    this.#flow.forget();
  };

  readonly #formActions: FormActions = {
    submitAnswer: (form) => void this.#flow.submitAnswer(form),
    sendNewCode: () => this.#flow.sendNewCode(),
    submitContact: (form) => void this.#flow.submitContact(form),
    back: () => this.#flow.back(),
    renderRoot: () => this.renderRoot,
  };
}

defineElement('vp-sign-in', VpSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'vp-sign-in': VpSignIn;
  }
}
