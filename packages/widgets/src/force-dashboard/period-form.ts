import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { heading, type HeadingLevel } from '../shared/heading.js';
import { maxPeriodDays, periodPresets, type PeriodPreset, type PeriodProblem } from './period.js';

/** The period form as shown: the dates in the inputs, the preset they match, and what is wrong. */
export interface PeriodFormState {
  from: string;
  to: string;
  /** The preset the period shown is, so its button is marked pressed. */
  preset: PeriodPreset | undefined;
  problems: PeriodProblem[];
}

/** What the form does. */
export interface PeriodFormActions {
  choosePreset(preset: PeriodPreset): void;
  submit(from: string, to: string): void;
  /** Moves focus to a field (from the error summary's links, which `href="#…"` cannot do in a shadow root). */
  focusField(id: string): void;
}

type FieldId = 'period-from' | 'period-to';

/** @returns the words for a preset's button */
function presetWords(preset: PeriodPreset): string {
  switch (preset) {
    case 'last-4-weeks':
      return msg('Last 4 weeks');
    case 'last-3-months':
      return msg('Last 3 months');
    case 'last-12-months':
      return msg('Last 12 months');
  }
}

/** @returns what to say about a problem, and the field it concerns */
function problemWords(problem: PeriodProblem): { field: FieldId; message: string } {
  switch (problem) {
    case 'from-missing':
      return { field: 'period-from', message: msg('Enter the first day of the period') };
    case 'from-invalid':
      return { field: 'period-from', message: msg('The first day must be a real date') };
    case 'to-missing':
      return { field: 'period-to', message: msg('Enter the last day of the period') };
    case 'to-invalid':
      return { field: 'period-to', message: msg('The last day must be a real date') };
    case 'from-after-to':
      return { field: 'period-from', message: msg('The first day must be the same as or before the last day') };
    case 'too-long':
      return { field: 'period-from', message: msg(str`The period can be at most ${maxPeriodDays} days: choose a later first day or an earlier last day`) };
  }
}

/**
 * @returns the period picker: presets as buttons, then two date inputs and "Show figures", with
 * GOV.UK's error summary (focused when a submit fails, each problem a link to its field) and
 * inline errors
 */
export function periodForm(state: PeriodFormState, level: HeadingLevel, actions: PeriodFormActions): TemplateResult {
  const problems = state.problems.map(problemWords);
  const field = (id: FieldId, name: 'from' | 'to', label: string, value: string) => {
    const own = problems.filter((problem) => problem.field === id);
    return html`<div class="field ${own.length > 0 ? 'field-error' : ''}">
      <label for=${id}>${label}</label>
      ${own.map((problem) => html`<p id="${id}-error" class="error-message"><span class="visually-hidden">${msg('Error:')}</span> ${problem.message}</p>`)}
      <input
        class="input"
        id=${id}
        name=${name}
        type="date"
        .value=${value}
        aria-describedby=${own.length > 0 ? `${id}-error` : nothing}
        aria-invalid=${own.length > 0 ? 'true' : nothing}
      />
    </div>`;
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    actions.submit(String(form.get('from') ?? ''), String(form.get('to') ?? ''));
  };
  return html`<form class="period" part="period" novalidate @submit=${submit} aria-labelledby="period-heading">
    <div id="period-heading">${heading(level, msg('Period'))}</div>
    ${problems.length > 0
      ? html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
          <div role="alert">
            <p id="error-summary-title" class="error-summary-title">${msg('There is a problem')}</p>
            <ul>
              ${problems.map(
                (problem) =>
                  html`<li>
                    <a
                      class="link"
                      href="#${problem.field}"
                      @click=${(event: Event) => {
                        event.preventDefault();
                        actions.focusField(problem.field);
                      }}
                      >${problem.message}</a
                    >
                  </li>`,
              )}
            </ul>
          </div>
        </div>`
      : nothing}
    <div class="presets" role="group" aria-label=${msg('Quick choices')}>
      ${periodPresets.map(
        (preset) =>
          html`<button class="button secondary" type="button" aria-pressed=${state.preset === preset ? 'true' : 'false'} @click=${() => actions.choosePreset(preset)}>
            ${presetWords(preset)}
          </button>`,
      )}
    </div>
    <fieldset class="dates">
      <legend>${msg('Or choose the days (UK time), at most a year apart')}</legend>
      ${field('period-from', 'from', msg('From'), state.from)} ${field('period-to', 'to', msg('To'), state.to)}
    </fieldset>
    <button class="button" type="submit">${msg('Show figures')}</button>
  </form>`;
}
