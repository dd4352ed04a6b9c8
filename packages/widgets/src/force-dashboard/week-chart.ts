import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDay } from '../shared/dates.js';

/**
 * A bar chart of one figure per week, in plain SVG drawn by Lit: no chart library (the smallest
 * light one is several times this element's own size, see the README). The SVG is one image
 * (`role="img"`) named by a sentence that says what it shows (the weeks, the highest and lowest);
 * every number is in the table that goes with it. Text (title, scale, weeks) is HTML around the
 * SVG, so it reflows and zooms as text rather than shrinking with the drawing.
 */
export interface WeekSeries {
  /** Names the chart, e.g. "Sign-ins". */
  title: string;
  /** One value a week, in the order of the weeks; null where there is nothing to show (no duty due). */
  values: Array<number | null>;
  /** Values are shares (0–1) shown as percentages, on a scale up to 100%. */
  share?: boolean;
}

// The drawing's own units; it scales to the width it has and keeps this shape.
const width = 600;
const height = 150;
const top = 4;

/** @returns a figure: its title, the top of its scale, the bars, and its first and last weeks */
export function weekChart(series: WeekSeries, weeks: string[], format: (value: number) => string): TemplateResult {
  const shown = series.values.filter((value): value is number => value !== null);
  const scaleTop = series.share ? 1 : Math.max(1, ...shown);
  const slot = width / Math.max(1, weeks.length);
  const bars = series.values.map((value, index) => {
    if (value === null || value <= 0) return nothing;
    const barHeight = Math.max(1, (value / scaleTop) * (height - top));
    return svg`<rect class="bar" data-week=${weeks[index]} data-value=${value} x=${(index * slot + slot * 0.15).toFixed(1)} y=${(height - barHeight).toFixed(1)} width=${(slot * 0.7).toFixed(1)} height=${barHeight.toFixed(1)}></rect>`;
  });
  return html`<figure class="chart" part="chart">
    <figcaption class="chart-title">${series.title}</figcaption>
    <p class="scale">${msg(str`Scale: 0 to ${format(scaleTop)}`)}</p>
    <svg class="bars" viewBox="0 0 600 150" preserveAspectRatio="none" role="img" aria-label=${describe(series, weeks, format)} focusable="false">
      <line class="gridline" x1="0" y1=${top} x2=${width} y2=${top}></line>
      ${bars}
      <line class="baseline" x1="0" y1=${height - 1} x2=${width} y2=${height - 1}></line>
    </svg>
    ${weeks.length > 0
      ? html`<p class="weeks"><span>${formatDay(weeks[0]!)}</span><span>${formatDay(weeks[weeks.length - 1]!)}</span></p>`
      : nothing}
  </figure>`;
}

/** @returns the chart's text alternative: what it covers, its highest and lowest weeks, and where the numbers are */
function describe(series: WeekSeries, weeks: string[], format: (value: number) => string): string {
  const measured = series.values.flatMap((value, index) => (value === null ? [] : [{ value, week: weeks[index]! }]));
  if (weeks.length === 0 || measured.length === 0) return msg(str`${series.title}: nothing to show for these weeks.`);
  const highest = measured.reduce((best, candidate) => (candidate.value > best.value ? candidate : best));
  const lowest = measured.reduce((best, candidate) => (candidate.value < best.value ? candidate : best));
  const span = msg(str`${series.title}, ${weeks.length} weeks from the week starting ${formatDay(weeks[0]!)}.`);
  const extremes = msg(
    str`Highest ${format(highest.value)}, in the week starting ${formatDay(highest.week)}. Lowest ${format(lowest.value)}, in the week starting ${formatDay(lowest.week)}.`,
  );
  const gaps = weeks.length - measured.length;
  const none = gaps > 0 ? ` ${msg(str`Nothing due in ${gaps} of the weeks.`)}` : '';
  return `${span} ${extremes}${none} ${msg('Every week’s figures are in the table.')}`;
}

/** A table column: its heading and each week's value as shown. */
export interface WeekColumn {
  heading: string;
  cells: string[];
}

/**
 * @returns the table of a chart's figures, in a disclosure: a caption, a row a week. The table
 * scrolls sideways inside its own labelled, focusable region on a narrow screen, never the page.
 */
export function weekTable(id: string, caption: string, weeks: string[], columns: WeekColumn[]): TemplateResult {
  return html`<details class="table-disclosure" part="table-disclosure">
    <summary>${msg(str`Show the table: ${caption}`)}</summary>
    <div class="table-region" role="region" aria-labelledby=${`${id}-caption`} tabindex="0">
      <table part="table">
        <caption id=${`${id}-caption`}>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Week starting')}</th>
            ${columns.map((column) => html`<th scope="col">${column.heading}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week, row) => html`<tr>
              <th scope="row">${formatDay(week)}</th>
              ${columns.map((column) => html`<td>${column.cells[row]}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}
