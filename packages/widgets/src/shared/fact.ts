import { html, nothing, type TemplateResult } from 'lit';

/**
 * One fact of a definition list (`<div><dt><dd></div>`, which HTML allows for styling). A fact
 * with no value is left out rather than shown empty.
 * @param label what the fact is, e.g. "Collar number"
 * @param value the fact itself
 * @param lang the value's language when it differs from the page's (service data is English)
 */
export function fact(label: string, value: unknown, lang?: string): TemplateResult | typeof nothing {
  if (value === '' || value === undefined || value === null) return nothing;
  return html`<div class="fact">
    <dt>${label}</dt>
    <dd lang=${lang ?? nothing}>${value}</dd>
  </div>`;
}
