import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Preferences } from '@victim-portal/sdk';
import { heading, type HeadingLevel } from '../shared/heading.js';
import type { FieldError, FieldId, FieldProblem, PreferencesDraft } from './preferences-draft.js';

/** What the form does with the victim's answers. */
export interface FormActions {
  change(answers: Partial<PreferencesDraft>): void;
  submit(): void;
  /** Moves focus to a field (the error summary's links). */
  focusField(field: FieldId): void;
}

/** What the form shows: the stored preferences, the answers, their errors, and whether it is saving. */
export interface FormState {
  stored: Preferences;
  draft: PreferencesDraft;
  errors: FieldError[];
  saving: boolean;
}

/** @returns the id of the control a field's error takes the victim to */
export function controlId(field: FieldId, stored: Preferences): string {
  switch (field) {
    case 'channel':
      return `channel-${stored.availableChannels[0] ?? 'email'}`;
    case 'language':
      return 'language-en';
    case 'frequency':
      return 'frequency-usual';
    case 'quiet':
      return 'quiet-no';
    case 'notifications':
      return 'notifications-on';
    default:
      return field;
  }
}

/** @returns what is wrong with a field, in the victim's words */
export function problemWords(problem: FieldProblem): string {
  switch (problem) {
    case 'missing-from':
      return msg('Enter the time your quiet hours start, for example 21:00');
    case 'missing-until':
      return msg('Enter the time your quiet hours end, for example 07:00');
    case 'same-times':
      return msg('Quiet hours must start and end at different times');
    case 'channel-not-held':
      return msg('The police cannot contact you that way. Choose another way, or call 101 to give them your details.');
    case 'not-accepted':
      return msg('This answer could not be saved. Check it and try again.');
  }
}

/** @returns the error summary: what is wrong, each linking to its field */
export function errorSummary(state: FormState, general: string | undefined, level: HeadingLevel, actions: FormActions): TemplateResult {
  return html`
    <div part="error-summary" class="error-summary" tabindex="-1">
      ${heading(level, msg('There is a problem'))}
      ${general ? html`<p>${general}</p>` : nothing}
      <ul>
        ${state.errors.map(
          (error) => html`<li>
            <a
              class="link"
              href="#${controlId(error.field, state.stored)}"
              @click=${(event: Event) => {
                // The fields are in a shadow root: the page's own #fragment would not find them.
                event.preventDefault();
                actions.focusField(error.field);
              }}
              >${problemWords(error.problem)}</a
            >
          </li>`,
        )}
      </ul>
    </div>
  `;
}

/** @returns the whole form */
export function preferencesForm(state: FormState, actions: FormActions): TemplateResult {
  return html`
    <form part="form" novalidate @submit=${(event: Event) => (event.preventDefault(), actions.submit())}>
      ${channelField(state, actions)} ${languageField(state, actions)} ${frequencyField(state, actions)} ${quietField(state, actions)}
      ${notificationsField(state, actions)}
      <button part="save-button" class="button" type="submit" aria-disabled=${state.saving ? 'true' : 'false'}>
        ${state.saving ? msg('Saving…') : msg('Save your preferences')}
      </button>
    </form>
  `;
}

function errorOf(state: FormState, ...fields: FieldId[]): FieldError | undefined {
  return state.errors.find((error) => fields.includes(error.field));
}

/** A group of choices: a fieldset with its legend, hint and error, read out with each choice. */
function fieldset(name: string, legend: string, hint: string | undefined, error: FieldError | undefined, choices: TemplateResult): TemplateResult {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`
    <fieldset class="field ${error ? 'invalid' : ''}" aria-describedby=${describedBy || nothing}>
      <legend>${legend}</legend>
      ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="error" id="${name}-error"><span class="visually-hidden">${msg('Error:')}</span> ${problemWords(error.problem)}</p>` : nothing}
      ${choices}
    </fieldset>
  `;
}

function radio(name: string, id: string, checked: boolean, label: string, change: () => void, lang?: string): TemplateResult {
  return html`
    <div class="choice">
      <input type="radio" id=${id} name=${name} .checked=${checked} @change=${change} />
      <label for=${id} lang=${lang ?? nothing}>${label}</label>
    </div>
  `;
}

function channelField({ stored, draft, ...state }: FormState, actions: FormActions): TemplateResult {
  if (stored.availableChannels.length === 0) {
    return html`<div class="field">
      <p class="label">${msg('How the police contact you')}</p>
      <p>${msg('The police do not have an email address or mobile number for you, so they cannot tell you about updates that way. Call 101 to give them one.')}</p>
    </div>`;
  }
  const words = { email: msg('By email'), sms: msg('By text message') };
  return fieldset(
    'channel',
    msg('How should the police contact you?'),
    msg('Texts and emails only say there is an update and ask you to sign in. They never include details of your case.'),
    errorOf({ stored, draft, ...state }, 'channel'),
    html`${stored.availableChannels.map((channel) =>
      radio('channel', `channel-${channel}`, draft.contactChannel === channel, words[channel], () => actions.change({ contactChannel: channel })),
    )}`,
  );
}

function languageField(state: FormState, actions: FormActions): TemplateResult {
  const { draft } = state;
  // Each language is named in itself (and marked so), not translated: a victim looking for
  // Cymraeg finds it whichever language the page is in.
  return fieldset(
    'language',
    msg('Which language do you want to use?'),
    msg('For this website and for texts and emails from the police.'),
    errorOf(state, 'language'),
    html`${radio('language', 'language-en', draft.language === 'en', 'English', () => actions.change({ language: 'en' }), 'en')}
    ${radio('language', 'language-cy', draft.language === 'cy', 'Cymraeg', () => actions.change({ language: 'cy' }), 'cy')}`,
  );
}

/** @returns "Every week", "Every 2 weeks", or "Every 10 days" */
function everyWords(days: number): string {
  if (days === 7) return msg('Every week');
  if (days % 7 === 0) return msg(str`Every ${days / 7} weeks`);
  return msg(str`Every ${days} days`);
}

function frequencyField(state: FormState, actions: FormActions): TemplateResult {
  const { stored, draft } = state;
  const choices = [7, 14, 28];
  // A frequency the force set up some other way stays a choice, so saving keeps it.
  if (stored.updateEveryDays !== null && !choices.includes(stored.updateEveryDays)) choices.push(stored.updateEveryDays);
  return fieldset(
    'frequency',
    msg('How often do you want an update on your case?'),
    msg('You will be told about important decisions as they happen. If nothing has happened, the police will still tell you how things are this often.'),
    errorOf(state, 'frequency'),
    html`${radio('frequency', 'frequency-usual', draft.updateEveryDays === null, msg(str`As often as the police usually do (${everyWords(stored.forceUpdateEveryDays).toLowerCase()})`), () =>
      actions.change({ updateEveryDays: null }),
    )}
    ${choices.map((days) => radio('frequency', `frequency-${days}`, draft.updateEveryDays === days, everyWords(days), () => actions.change({ updateEveryDays: days })))}`,
  );
}

function quietField(state: FormState, actions: FormActions): TemplateResult {
  const { draft } = state;
  const fromError = errorOf(state, 'quiet-from');
  const untilError = errorOf(state, 'quiet-until');
  return fieldset(
    'quiet',
    msg('Are there times when you do not want texts or emails?'),
    msg('For example at night, or when someone else might see your phone.'),
    errorOf(state, 'quiet'),
    html`${radio('quiet', 'quiet-no', !draft.quiet, msg('No, any time is fine'), () => actions.change({ quiet: false }))}
    ${radio('quiet', 'quiet-yes', draft.quiet, msg('Yes, not between certain times'), () => actions.change({ quiet: true }))}
    ${draft.quiet
      ? html`<div class="times">
          <p class="hint" id="quiet-times-hint">${msg('Use the 24-hour clock, UK time. Texts and emails wait until the quiet time ends.')}</p>
          ${timeInput('quiet-from', msg('Not from'), draft.quietFrom, fromError, (value) => actions.change({ quietFrom: value }))}
          ${timeInput('quiet-until', msg('Until'), draft.quietUntil, untilError, (value) => actions.change({ quietUntil: value }))}
        </div>`
      : nothing}`,
  );
}

function timeInput(id: string, label: string, value: string, error: FieldError | undefined, change: (value: string) => void): TemplateResult {
  return html`
    <div class="time ${error ? 'invalid' : ''}">
      <label for=${id}>${label}</label>
      ${error ? html`<p class="error" id="${id}-error"><span class="visually-hidden">${msg('Error:')}</span> ${problemWords(error.problem)}</p>` : nothing}
      <input
        type="time"
        id=${id}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `quiet-times-hint ${id}-error` : 'quiet-times-hint'}
        @input=${(event: Event) => change((event.target as HTMLInputElement).value)}
      />
    </div>
  `;
}

function notificationsField(state: FormState, actions: FormActions): TemplateResult {
  const { draft } = state;
  return fieldset(
    'notifications',
    msg('Do you want a text or email when there is news?'),
    msg('If you choose no, the police will not text or email you when there is an update or a new message: you will only see it when you sign in here. You can still ask for a sign-in link.'),
    errorOf(state, 'notifications'),
    html`${radio('notifications', 'notifications-on', draft.notifications, msg('Yes, tell me when there is an update or a message'), () => actions.change({ notifications: true }))}
    ${radio('notifications', 'notifications-off', !draft.notifications, msg('No, I will sign in to check'), () => actions.change({ notifications: false }))}`,
  );
}
