import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { HeadingLevel } from '../shared/heading.js';
import type { FieldError } from './sign-in-view.js';

/**
 * GOV.UK's error summary: above the form, focused when a submit fails, each problem a link to
 * its field. The links are in a shadow root, where `href="#id"` cannot reach, so a click moves
 * focus to the field itself.
 */
export function errorSummary(error: FieldError | undefined, level: HeadingLevel, renderRoot: () => ParentNode): TemplateResult | typeof nothing {
  if (!error) return nothing;
  const goToField = (event: Event) => {
    event.preventDefault();
    renderRoot().querySelector<HTMLElement>(`#${error.field}`)?.focus();
  };
  return html`<div part="error-summary" class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      <p id="error-summary-title" class="error-summary-title" role="heading" aria-level=${level}>${msg('There is a problem')}</p>
      <ul class="error-summary-list">
        <li><a class="link" href="#${error.field}" @click=${goToField}>${error.message}</a></li>
      </ul>
    </div>
  </div>`;
}

/** @returns the inline error message shown above a field, or nothing */
export function errorMessage(id: string, error: FieldError | undefined, fields: readonly string[]): TemplateResult | typeof nothing {
  if (!error || !fields.includes(error.field)) return nothing;
  return html`<p id="${id}-error" class="error-message"><span class="visually-hidden">${msg('Error:')}</span> ${error.message}</p>`;
}

/** @returns the ids a field's `aria-describedby` lists: its hint, and its error when shown */
export function describedBy(id: string, error: FieldError | undefined, fields: readonly string[], hint = true): string {
  const ids = hint ? [`${id}-hint`] : [];
  if (error && fields.includes(error.field)) ids.push(`${id}-error`);
  return ids.join(' ');
}

/** One text input with its label, hint and error, GOV.UK style. */
export interface TextField {
  id: string;
  label: string;
  hint: string;
  autocomplete: string;
  inputmode?: 'numeric' | 'text' | 'email';
  widthClass: string;
}

/** @returns a labelled text input with hint and inline error */
export function textField(field: TextField, error: FieldError | undefined): TemplateResult {
  const fields = [field.id];
  const invalid = error?.field === field.id;
  return html`<div class="form-group ${invalid ? 'form-group-error' : ''}">
    <label class="label" for=${field.id}>${field.label}</label>
    <div id="${field.id}-hint" class="hint">${field.hint}</div>
    ${errorMessage(field.id, error, fields)}
    <input
      class="input ${field.widthClass} ${invalid ? 'input-error' : ''}"
      id=${field.id}
      name=${field.id}
      type="text"
      inputmode=${field.inputmode ?? nothing}
      autocomplete=${field.autocomplete}
      spellcheck="false"
      aria-describedby=${describedBy(field.id, error, fields)}
      aria-invalid=${invalid ? 'true' : nothing}
    />
  </div>`;
}

/** @returns GOV.UK's date input for a date of birth: day, month and year, each with a label */
export function dateOfBirthField(error: FieldError | undefined): TemplateResult {
  const fields = ['dob-day', 'dob-month', 'dob-year'];
  const invalid = error !== undefined && fields.includes(error.field);
  const part = (id: string, label: string, autocomplete: string, widthClass: string) =>
    html`<div class="date-item">
      <label class="label" for=${id}>${label}</label>
      <input
        class="input ${widthClass} ${invalid ? 'input-error' : ''}"
        id=${id}
        name=${id}
        type="text"
        inputmode="numeric"
        autocomplete=${autocomplete}
        spellcheck="false"
        aria-invalid=${invalid ? 'true' : nothing}
      />
    </div>`;
  return html`<div class="form-group ${invalid ? 'form-group-error' : ''}">
    <fieldset class="fieldset" role="group" aria-describedby=${describedBy('dob', invalid ? { ...error, field: 'dob' } : undefined, ['dob'])}>
      <legend class="legend">${msg('What is your date of birth?')}</legend>
      <div id="dob-hint" class="hint">${msg('For example, 27 3 1990')}</div>
      ${errorMessage('dob', invalid ? { ...error, field: 'dob' } : undefined, ['dob'])}
      <div class="date-input">
        ${part('dob-day', msg('Day'), 'bday-day', 'width-2')} ${part('dob-month', msg('Month'), 'bday-month', 'width-2')}
        ${part('dob-year', msg('Year'), 'bday-year', 'width-4')}
      </div>
    </fieldset>
  </div>`;
}
