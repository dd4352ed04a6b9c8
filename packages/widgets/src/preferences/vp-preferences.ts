import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { isProblem, type Preferences, type PreferencesUpdate } from '@victim-portal/sdk';
import { defineElement } from '../shared/define.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { LanguageController } from '../shared/localization.js';
import type { PortalSession } from '../shared/session.js';
import { ServiceRead } from '../shared/service-read.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { changesOf, checkDraft, draftOf, errorsOfProblem, type FieldError, type PreferencesDraft } from './preferences-draft.js';
import { VpLanguageChangeEvent, VpPreferencesChangedEvent } from './preferences-events.js';
import { controlId, errorSummary, preferencesForm, type FormActions } from './preferences-form.js';
import { preferencesStyles } from './preferences.styles.js';

/**
 * @summary How and when the victim wants to hear from the police: contact channel (only those the
 * force holds), language, how often to hear, quiet hours, and notifications on or off.
 *
 * Only what the victim changed is sent. A refused save shows an error summary linking to each
 * field; a saved one says so in a live region.
 *
 * @fires {VpPreferencesChangedEvent} vp-preferences-changed - The service saved a change (the names of what changed only).
 * @fires {VpLanguageChangeEvent} vp-language-change - The victim saved a new language: set `lang` on the widgets or page to switch.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The headings.
 * @csspart error-summary - What is wrong, at the top.
 * @csspart saved - The message that the preferences were saved.
 * @csspart form - The form.
 * @csspart save-button - "Save your preferences".
 *
 * @cssproperty --vp-color-error - Errors.
 * @cssproperty --vp-color-button - The save button.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpPreferences extends LitElement {
  static override styles = [themeStyles, controlStyles, preferencesStyles];

  /** The API's base URL, on its own only (inside `<vp-portal>` the portal's session is used). */
  @property({ attribute: 'api-base' }) apiBase = '/';
  /** The level of this element's heading, 2–6, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 3;
  /** A fetch to use instead of the global one, on its own only. Set before connecting. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;
  /** The victim's session; `<vp-portal>` sets it. Resumed from this tab's storage when not set. */
  @property({ attribute: false }) session: PortalSession | undefined;
  /** Called when the service says the session is over (401); `<vp-portal>` sets it to sign out. */
  @property({ attribute: false }) sessionEnded: (() => void) | undefined;

  /** @internal the read from the service, for tests */
  readonly preferences = new ServiceRead<Preferences>(this, (client) => client!.preferences(), false);
  #draft: PreferencesDraft | undefined;
  #draftOf: Preferences | undefined;
  #errors: FieldError[] = [];
  #general: string | undefined;
  #saved = '';
  #saving = false;

  constructor() {
    super();
    new LanguageController(this);
  }

  protected override willUpdate(): void {
    this.preferences.sync('preferences', true);
    const stored = this.preferences.value;
    if (stored !== this.#draftOf) {
      // New preferences from the service (or none, after the quick exit): start from them.
      this.#draftOf = stored;
      this.#draft = stored ? draftOf(stored) : undefined;
      this.#errors = [];
      this.#general = undefined;
      if (!stored) this.#saved = '';
    }
  }

  protected override render() {
    const level = headingLevel(this.headingLevel, 3);
    const subLevel = Math.min(level + 1, 6) as HeadingLevel;
    return html`
      <section part="base">
        ${heading(level, msg('How the police contact you'))} ${this.#body(subLevel)}
      </section>
    `;
  }

  #body(level: HeadingLevel) {
    const { state, value: stored } = this.preferences;
    const draft = this.#draft;
    if (state === 'signed-out') return html`<p>${msg('Sign in to change how the police contact you.')}</p>`;
    if (state === 'loading' && !stored) return html`<p>${msg('Getting your preferences…')}</p>`;
    if (!stored || !draft) {
      return html`
        <p>${msg('We could not get your preferences just now. Check your internet connection and try again.')}</p>
        ${this.preferences.requestId ? html`<p>${msg(str`If you call us about this, give this reference: ${this.preferences.requestId}`)}</p>` : nothing}
        <button class="button secondary" type="button" @click=${() => void this.preferences.reload()}>${msg('Try again')}</button>
      `;
    }
    const formState = { stored, draft, errors: this.#errors, saving: this.#saving };
    return html`
      ${this.#errors.length > 0 || this.#general ? errorSummary(formState, this.#general, level, this.#actions) : nothing}
      <div part="saved" role="status" class=${this.#saved ? 'saved' : ''}>${this.#saved ? html`<p>${this.#saved}</p>` : nothing}</div>
      ${preferencesForm(formState, this.#actions)}
    `;
  }

  readonly #actions: FormActions = {
    change: (answers) => {
      if (!this.#draft) return;
      this.#draft = { ...this.#draft, ...answers };
      this.#saved = '';
      this.requestUpdate();
    },
    submit: () => void this.#save(),
    focusField: (field) => {
      const stored = this.preferences.value;
      if (stored) this.renderRoot.querySelector<HTMLElement>(`#${controlId(field, stored)}`)?.focus();
    },
  };

  async #save(): Promise<void> {
    const stored = this.preferences.value;
    const draft = this.#draft;
    if (!stored || !draft || this.#saving) return;
    this.#general = undefined;
    this.#saved = '';
    this.#errors = checkDraft(draft);
    if (this.#errors.length > 0) return this.#showErrors();
    const update = changesOf(stored, draft);
    if (Object.keys(update).length === 0) {
      this.#saved = msg('You have not changed anything.');
      this.requestUpdate();
      return;
    }
    const client = this.preferences.client;
    if (!client) return;
    this.#saving = true;
    this.requestUpdate();
    try {
      const saved = await client.updatePreferences(update);
      this.#saving = false;
      if (this.preferences.value !== stored) return; // the quick exit, or a new read, came first
      this.preferences.value = saved;
      this.#saved = msg('Your preferences have been saved.');
      this.requestUpdate();
      this.#tell(update);
    } catch (error) {
      this.#saving = false;
      if (isProblem(error) && error.status === 401) return this.preferences.ended();
      const refused = isProblem(error) && error.status >= 400 && error.status < 500;
      this.#errors = refused ? errorsOfProblem(error) : [];
      if (this.#errors.length === 0) {
        this.#general = refused
          ? msg('Your preferences were not saved. Check your answers and try again.')
          : msg('Your preferences were not saved. Check your internet connection and try again.');
      }
      return this.#showErrors();
    }
  }

  async #showErrors(): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    // Focus on the summary, as GOV.UK does: it is read out, and its links lead to each field.
    this.renderRoot.querySelector<HTMLElement>('[part="error-summary"]')?.focus();
  }

  #tell(update: PreferencesUpdate): void {
    this.dispatchEvent(new VpPreferencesChangedEvent(Object.keys(update) as (keyof PreferencesUpdate)[]));
    if (update.language) this.dispatchEvent(new VpLanguageChangeEvent(update.language));
  }
}

defineElement('vp-preferences', VpPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'vp-preferences': VpPreferences;
  }
}
