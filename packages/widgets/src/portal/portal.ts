import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg } from '@lit/localize';
import type { VictimCase } from '@victim-portal/sdk';
import '../quick-exit/quick-exit.js';
import '../sign-in/sign-in.js';
import { defaultExitUrl, type Navigate } from '../quick-exit/quick-exit.js';
import { defineElement } from '../shared/define.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { busyScreen, caseListScreen, caseScreen, failedScreen, noCasesScreen, type CaseActions } from './case-screens.js';
import { PortalFlow } from './portal-flow.js';
import type { PortalView } from './portal-view.js';
import { portalStyles } from './portal.styles.js';
import type { Screen } from './screen.js';
import type { SectionContext, SectionLoad } from './section-view.js';
import { loadedCaseView, loadSection, sectionLoaded, type SectionId } from './sections.js';
import { timeoutWarning, type TimeoutActions } from './timeout-warning.js';

/**
 * @summary The victim's portal: signs in with the invite link and its second factor (through
 * `<vp-sign-in>`), shows their case in sections (status and officer, timeline, messages, their
 * crime report, their rights, support, and their settings), warns before the session times
 * out, and offers sign-out and a quick exit on every screen.
 *
 * Each section's elements load the first time it opens. The open section is kept in memory
 * only: it survives re-rendering and a change of language, and starts again at "Status" for
 * another case or after signing in again.
 *
 * The invite token is read from `#invite=…` and removed from the URL at once. The session
 * token is kept in sessionStorage (`vp-session`) only, so a reload resumes and closing the tab
 * forgets. Sign-out, the timeout, the quick exit and a session the service has ended all
 * forget it.
 *
 * @fires {VpSignedInEvent} vp-signed-in - The victim signed in with their invite (no case data).
 * @fires {VpSignedOutEvent} vp-signed-out - The session ended and the widget forgot it (`reason`).
 * @fires {VpQuickExitEvent} vp-quick-exit - From the exit control, before leaving (cancelable).
 * @fires {VpMessageSentEvent} vp-message-sent - From its Messages section (ids only).
 * @fires {VpUpdateRequestedEvent} vp-update-requested - From its Messages section (ids only).
 * @fires {VpReferralRequestedEvent} vp-referral-requested - From its Support section (ids only).
 * @fires {VpPreferencesChangedEvent} vp-preferences-changed - From its Settings section (names of what changed only).
 * @fires {VpLanguageChangeEvent} vp-language-change - From its Settings section. The portal hears
 * it itself and sets its own `lang` to the language the victim chose.
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The bar with the quick exit and sign-out.
 * @csspart quick-exit - The "Exit this page" button.
 * @csspart sign-out-button - The sign-out button.
 * @csspart alert - The region announcing problems (role=alert).
 * @csspart content - The current screen.
 * @csspart heading - The current screen's heading.
 * @csspart case-list - The list of the victim's cases.
 * @csspart case-button - Each case in that list.
 * @csspart sections - The navigation between the case's sections.
 * @csspart section-button - Each section's button in it (`aria-current="true"` on the open one).
 * @csspart section - The open section.
 * @csspart status - The case's status panel (from vp-case-status).
 * @csspart case-facts - The case's facts (from vp-case-status).
 * @csspart update-due - When the next update is due (from vp-case-status).
 * @csspart officer - The officer in charge card (from vp-oic-card).
 * @csspart no-officer - The message while no officer has the case (from vp-oic-card).
 * @csspart absence - The officer's absence and who covers (from vp-oic-card).
 * @csspart timeline-section - The timeline (from vp-timeline); also `timeline-status`, `timeline-update-due`, `right-to-review`, `timeline`, `timeline-item`, `officer-words`.
 * @csspart crime-report - The victim's crime report (from vp-crime-report); also `account`, `correction`.
 * @csspart rights - The victim's rights (from vp-rights).
 * @csspart support-services - Support services (from vp-support-services).
 * @csspart preferences - The victim's settings (from vp-preferences).
 * @csspart messages - The messages with the officer (from vp-messages); also `thread`, `message`, `composer`, `send-button`, `emergency`.
 * @csspart help - The reminder that 999, 101 and the station still work.
 * @csspart sign-in - The `<vp-sign-in>` element while nobody is signed in.
 * @csspart timeout-warning - The dialog warning that the session is about to time out.
 * @csspart stay-signed-in-button - Its "Stay signed in" button.
 * @csspart continue-button - Its "Continue" button, near the absolute expiry where staying is not possible.
 * @csspart timeout-sign-out-button - Its "Sign out" button.
 *
 * @cssproperty --vp-color-brand - Links and accents (default GOV.UK blue).
 * @cssproperty --vp-color-text - Text colour.
 * @cssproperty --vp-color-secondary-text - Captions and hints.
 * @cssproperty --vp-color-background - Background.
 * @cssproperty --vp-color-panel - Panels and secondary buttons.
 * @cssproperty --vp-color-border - Lines.
 * @cssproperty --vp-color-error - The edge of problem messages.
 * @cssproperty --vp-color-button - Main buttons (default GOV.UK green).
 * @cssproperty --vp-color-button-text - Text on main buttons.
 * @cssproperty --vp-color-exit - The quick exit (default GOV.UK red).
 * @cssproperty --vp-color-exit-text - Text on the quick exit.
 * @cssproperty --vp-focus-colour - Focus highlight (default GOV.UK yellow).
 * @cssproperty --vp-focus-text-colour - Text on the focus highlight.
 * @cssproperty --vp-font-family - Typeface.
 * @cssproperty --vp-space-1 - Spacing scale, smallest (also --vp-space-2 … --vp-space-5).
 * @cssproperty --vp-radius - Corner radius of buttons and panels.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpPortal extends LitElement {
  static override styles = [themeStyles, controlStyles, portalStyles];

  /** The API's base URL, e.g. `/` or `https://portal.force.example/`. Read once, on start. */
  @property({ attribute: 'api-base' }) apiBase = '/';

  /** The neutral page the quick exit goes to. */
  @property({ attribute: 'exit-url' }) exitUrl = defaultExitUrl;

  /** The force's slug (e.g. `kingsmoor`), so a returning victim can ask for a new sign-in link. */
  @property() force = '';

  /** The level of the portal's headings, 2–6, to fit the page's outline (the page has the h1). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  /** A fetch to use instead of the global one (tests, instrumented fetch). Set before connecting. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  /** What time it is, for the session timeout; the system clock by default (tests move time by hand). */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** How the quick exit leaves the page; `location.replace` by default. */
  @property({ attribute: false }) navigate: Navigate = (url) => window.location.replace(url);

  readonly #flow = new PortalFlow(this);
  #section: SectionId = 'status';
  #sectionLoad: SectionLoad = 'loading';
  /** The case the open section belongs to: another case (or a new sign-in) starts at "Status". */
  #sectionCase: VictimCase | undefined;
  #focusSection = false;

  constructor() {
    super();
    new LanguageController(this);
    // The victim saved another language in Settings: the portal and everything in it switch at
    // once (the event goes on to the page, which may switch too).
    this.addEventListener('vp-language-change', (event) => (this.lang = (event as Event & { language: string }).language));
  }

  /** Which screen is showing; read-only. */
  get view(): PortalView {
    return this.#flow.view;
  }

  /** Signs the victim out: ends the session on the service and forgets everything here. */
  signOut(): Promise<void> {
    return this.#flow.signOut();
  }

  protected override render() {
    const screen = this.#screen();
    const signedIn = this.#flow.signedIn;
    const level = headingLevel(this.headingLevel, 2);
    const view = this.view;
    const content =
      view.name === 'sign-in'
        ? // A new element for each time nobody is signed in, so each starts from its first screen.
          keyed(
            view,
            html`<vp-sign-in
              part="sign-in"
              .session=${this.#flow.session}
              .inviteToken=${view.inviteToken}
              force=${this.force}
              reason=${view.reason}
              heading-level=${level}
            ></vp-sign-in>`,
          )
        : screen
          ? html`${screen.before ?? nothing}${heading(level, screen.heading, true)}${screen.body}`
          : nothing;
    const warning = this.#flow.timeoutWarning;
    return html`
      <div part="base" class="portal">
        <div part="header" class="header">
          <vp-quick-exit exportparts="base: quick-exit" exit-url=${this.exitUrl} .navigate=${this.navigate}></vp-quick-exit>
          ${signedIn
            ? html`<button part="sign-out-button" class="button secondary" type="button" @click=${() => void this.signOut()}>
                ${msg('Sign out')}
              </button>`
            : nothing}
        </div>
        <div part="alert" class="alert" role="alert">${screen?.alert ? content : nothing}</div>
        <div part="content" class="content">${screen?.alert ? nothing : content}</div>
        <p part="help" class="help">
          <strong>${msg('In an emergency, call 999.')}</strong>
          ${msg('If you cannot use this page, you can still call 101 or go to a police station.')}
        </p>
        ${warning ? timeoutWarning(warning, level, this.#timeoutActions) : nothing}
      </div>
    `;
  }

  #screen(): Screen | undefined {
    const view = this.view;
    // Signed out, or back at the list: the next case opened starts again at "Status".
    if (view.name !== 'case') this.#sectionCase = undefined;
    switch (view.name) {
      case 'starting':
      case 'exited':
      case 'sign-in':
        return undefined;
      case 'busy':
        return busyScreen();
      case 'failed':
        return failedScreen(view.requestId, this.#actions);
      case 'case-list':
        return caseListScreen(view.cases, this.#actions);
      case 'no-cases':
        return noCasesScreen();
      case 'case':
        // Opening the case (not a reason to render again: the section's load asks when it settles).
        if (view.victimCase.id !== this.#sectionCase?.id) this.#openSection('status', false);
        this.#sectionCase = view.victimCase;
        return caseScreen(view.victimCase, view.hasOtherCases, this.#actions, this.#sections(), loadedCaseView());
    }
  }

  protected override updated(): void {
    if (!this.#focusSection) return;
    this.#focusSection = false;
    this.renderRoot.querySelector<HTMLElement>('[part="section"]')?.focus();
  }

  #sections(): SectionContext {
    return {
      current: this.#section,
      load: this.#sectionLoad,
      level: Math.min(headingLevel(this.headingLevel, 2) + 1, 6) as HeadingLevel,
      session: this.#flow.session,
      select: (id) => this.#openSection(id, true),
      retry: () => this.#openSection(this.#section, true),
      sessionEnded: () => this.#flow.sessionEnded(),
    };
  }

  /** Opens a section, fetching its elements the first time; `focus` when the victim chose it. */
  #openSection(id: SectionId, focus: boolean): void {
    this.#section = id;
    this.#focusSection = focus;
    this.#sectionLoad = sectionLoaded(id) ? 'ready' : 'loading';
    const settle = (load: SectionLoad) => {
      if (this.#section !== id || this.#sectionLoad === load) return;
      this.#sectionLoad = load;
      this.requestUpdate();
    };
    loadSection(id).then(
      () => settle('ready'),
      () => settle('failed'),
    );
    if (focus) this.requestUpdate();
  }

  readonly #actions: CaseActions = {
    chooseCase: (caseId) => this.#flow.chooseCase(caseId),
    showAllCases: () => this.#flow.showAllCases(),
    retry: () => this.#flow.retry(),
    sessionEnded: () => this.#flow.sessionEnded(),
  };

  readonly #timeoutActions: TimeoutActions = {
    staySignedIn: () => void this.#flow.staySignedIn(),
    signOut: () => void this.signOut(),
    dismiss: () => this.#flow.dismissWarning(),
  };
}

defineElement('vp-portal', VpPortal);

declare global {
  interface HTMLElementTagNameMap {
    'vp-portal': VpPortal;
  }
}
