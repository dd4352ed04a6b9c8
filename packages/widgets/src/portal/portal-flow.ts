import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isProblem, type VictimCase } from '@victim-portal/sdk';
import { VpSignedOutEvent, type SignedOutReason } from '../events/signed-out-event.js';
import type { Clock } from '../shared/clock.js';
import { PortalSession } from '../shared/session.js';
import { takeInviteToken } from '../sign-in/invite-link.js';
import type { VpSignIn } from '../sign-in/sign-in.js';
import type { PortalView } from './portal-view.js';
import { SessionTimeout, type TimeoutWarning } from './session-timeout.js';

/** What the flow needs from the element it runs in. */
export interface PortalFlowHost extends ReactiveControllerHost, HTMLElement {
  readonly apiBase: string;
  readonly fetch: typeof fetch | undefined;
  readonly clock: Clock;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The victim's way through the portal: the invite link (handed to `<vp-sign-in>`), the
 * session and its timeout warning, their cases, and every way out (sign-out, the timeout, the
 * quick exit, the service ending the session). The element only renders `view`; each change of
 * view moves focus to the new screen's heading, except on arrival.
 */
export class PortalFlow implements ReactiveController {
  readonly #host: PortalFlowHost;
  readonly #timeout: SessionTimeout;
  #view: PortalView = { name: 'starting' };
  #focusPending = false;
  #session: PortalSession | undefined;
  #cases: VictimCase[] = [];
  #warningOpen = false;
  #focusBeforeWarning: HTMLElement | undefined;

  constructor(host: PortalFlowHost) {
    this.#host = host;
    this.#timeout = new SessionTimeout(host, () => void this.#end('timed-out'));
    host.addController(this);
  }

  /** Where the victim is. */
  get view(): PortalView {
    return this.#view;
  }

  /** The session, which `<vp-sign-in>` signs in to. */
  get session(): PortalSession | undefined {
    return this.#session;
  }

  /** Whether a session is held (so sign-out is offered). */
  get signedIn(): boolean {
    return this.#session?.signedIn === true && this.#view.name !== 'exited' && this.#view.name !== 'sign-in';
  }

  /** The idle-timeout warning, while it shows. */
  get timeoutWarning(): TimeoutWarning | undefined {
    return this.signedIn ? this.#timeout.warning : undefined;
  }

  hostConnected(): void {
    // On the window, so an exit control anywhere on the page makes the portal forget too.
    window.addEventListener('vp-quick-exit', this.#onQuickExit);
    this.#host.addEventListener('vp-signed-in', this.#onSignedIn);
  }

  hostDisconnected(): void {
    window.removeEventListener('vp-quick-exit', this.#onQuickExit);
    this.#host.removeEventListener('vp-signed-in', this.#onSignedIn);
  }

  hostUpdate(): void {
    // Before the first render, so the first screen is already the right one.
    if (!this.#session) this.#start();
  }

  hostUpdated(): void {
    this.#focusWarning();
    if (!this.#focusPending) return;
    this.#focusPending = false;
    const root = this.#host.renderRoot;
    const signIn = root.querySelector<VpSignIn>('vp-sign-in');
    if (signIn) void signIn.updateComplete.then(() => signIn.focusHeading());
    else root.querySelector<HTMLElement>('[part="heading"][tabindex="-1"]')?.focus();
  }

  /** Ends the session on the service and forgets everything here, even if the service is unreachable. */
  signOut(): Promise<void> {
    return this.#end('signed-out');
  }

  /** "Stay signed in": asks the service to extend the session, and watches the new expiry. */
  async staySignedIn(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    try {
      await session.keepAlive();
    } catch (error) {
      if (isProblem(error) && error.status === 401) this.#endedByService();
      // Otherwise (offline): the warning stays up and counts down; the victim can try again.
      return;
    }
    this.#timeout.watch(session.times);
  }

  /** Closes the warning near the absolute expiry, where staying longer is not possible. */
  dismissWarning(): void {
    this.#timeout.dismiss();
  }

  /** Opens one of the victim's cases. */
  chooseCase(caseId: string): void {
    const victimCase = this.#cases.find((candidate) => candidate.id === caseId);
    if (!victimCase) return;
    this.#session?.rememberCase(this.#cases.length > 1 ? caseId : undefined);
    this.#show({ name: 'case', victimCase, hasOtherCases: this.#cases.length > 1 });
  }

  /** Back to the list of the victim's cases. */
  showAllCases(): void {
    this.#session?.rememberCase(undefined);
    this.#show({ name: 'case-list', cases: this.#cases });
  }

  /** A part of the portal (the messages) heard from the service that the session is over. */
  sessionEnded(): void {
    if (this.signedIn || this.#view.name === 'case') this.#endedByService();
  }

  /** Tries loading the cases again. */
  retry(): void {
    if (this.#view.name === 'failed') void this.#loadCases();
  }

  #show(view: PortalView): void {
    // Not on arrival at the page: only a change the victim caused or waited for moves focus.
    this.#focusPending = this.#view.name !== 'starting' && view.name !== 'exited';
    this.#view = view;
    this.#host.requestUpdate();
  }

  #start(): void {
    const session = new PortalSession({ apiBase: this.#host.apiBase, fetch: this.#host.fetch, clock: this.#host.clock });
    this.#session = session;
    const inviteToken = takeInviteToken();
    if (inviteToken !== undefined) {
      // A session already in this tab may be someone else's, on a shared device: end it now.
      session.endInBackground();
      this.#show({ name: 'sign-in', reason: 'not-yet', inviteToken });
      return;
    }
    switch (session.resume()) {
      case 'resumed':
        this.#timeout.watch(session.times);
        void this.#loadCases();
        return;
      case 'expired':
        this.#show({ name: 'sign-in', reason: 'session-ended' });
        this.#host.dispatchEvent(new VpSignedOutEvent('session-ended'));
        return;
      case 'no-session':
        this.#show({ name: 'sign-in', reason: 'not-yet' });
    }
  }

  readonly #onSignedIn = (): void => {
    const session = this.#session;
    if (!session) return;
    if (this.#view.name === 'exited') {
      // The victim left while signing in: do not keep what just arrived.
      session.endInBackground();
      return;
    }
    this.#timeout.watch(session.times);
    void this.#loadCases();
  };

  async #loadCases(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    this.#show({ name: 'busy', task: 'getting-cases' });
    let cases: VictimCase[];
    try {
      cases = await session.listCases();
    } catch (error) {
      if (this.#view.name === 'exited') return;
      if (isProblem(error) && error.status === 401) this.#endedByService();
      else this.#show({ name: 'failed', requestId: isProblem(error) ? error.requestId : undefined });
      return;
    }
    if (this.#view.name === 'exited') return;
    this.#timeout.watch(session.times);
    this.#cases = cases;
    const remembered = cases.find((victimCase) => victimCase.id === session.lastCaseId);
    const [onlyCase] = cases;
    if (remembered) this.chooseCase(remembered.id);
    else if (cases.length === 1 && onlyCase) this.chooseCase(onlyCase.id);
    else if (cases.length === 0) this.#show({ name: 'no-cases' });
    else this.#show({ name: 'case-list', cases });
  }

  /** Signs out (the victim asked, or the timeout ran out): the service first, then here. */
  async #end(reason: 'signed-out' | 'timed-out'): Promise<void> {
    const session = this.#session;
    if (!session?.signedIn) return;
    this.#timeout.stop();
    try {
      await session.signOut();
    } catch {
      // Unreachable service: the token is forgotten here anyway and the session will time out.
    }
    this.#forgetCases();
    this.#show({ name: 'sign-in', reason });
    this.#host.dispatchEvent(new VpSignedOutEvent(reason));
  }

  #endedByService(): void {
    this.#timeout.stop();
    this.#session?.forget();
    this.#forgetCases();
    this.#show({ name: 'sign-in', reason: 'session-ended' });
    this.#host.dispatchEvent(new VpSignedOutEvent('session-ended'));
  }

  #forgetCases(): void {
    this.#cases = [];
  }

  // The warning takes focus when it opens, and gives it back when the victim stays.
  #focusWarning(): void {
    const open = this.timeoutWarning !== undefined;
    if (open === this.#warningOpen) return;
    this.#warningOpen = open;
    const root = this.#host.renderRoot;
    if (open) {
      this.#focusBeforeWarning = deepActiveElement();
      root.querySelector<HTMLElement>('[role="alertdialog"] button')?.focus();
      return;
    }
    const previous = this.#focusBeforeWarning;
    this.#focusBeforeWarning = undefined;
    if (this.signedIn && previous?.isConnected) previous.focus();
  }

  // Runs synchronously inside the exit control's dispatch, so everything is forgotten before
  // the page is left. The service is told in the background (keepalive).
  readonly #onQuickExit = (): void => {
    this.#timeout.stop();
    this.#session?.close();
    this.#forgetCases();
    this.#show({ name: 'exited' });
    this.#host.dispatchEvent(new VpSignedOutEvent('quick-exit'));
  };
}

function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

export type { SignedOutReason };
