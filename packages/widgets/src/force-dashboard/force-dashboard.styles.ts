import { css } from 'lit';

export const forceDashboardStyles = css`
  section {
    margin: 0 0 var(--_space-5);
  }

  /* On the page's own background: the error red is 4.5:1 against white, not against the panel grey. */
  .period {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3);
    border: 1px solid var(--_border);
  }

  .presets {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0 0 var(--_space-3);
  }

  /* A pressed preset says so in its shape too, not by colour alone. */
  .presets [aria-pressed='true'] {
    border-color: var(--_text);
    text-decoration: underline;
  }

  .dates {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin: 0 0 var(--_space-3);
    padding: 0;
    border: 0;
  }

  .dates legend {
    margin: 0 0 var(--_space-2);
    padding: 0;
  }

  .field label {
    display: block;
    font-weight: 700;
  }

  .input {
    box-sizing: border-box;
    min-height: 2.75rem;
    max-width: 100%;
    padding: var(--_space-1) var(--_space-2);
    border: 2px solid var(--_text);
    border-radius: 0;
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }

  .input:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }

  .field-error {
    padding-left: var(--_space-3);
    border-left: 5px solid var(--_error);
  }

  .field-error .input {
    border-color: var(--_error);
  }

  .error-message {
    margin: 0 0 var(--_space-2);
    color: var(--_error);
    font-weight: 700;
  }

  .error-summary {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-3);
    border: 5px solid var(--_error);
    background: var(--_background);
  }

  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }

  .error-summary-title {
    font-weight: 700;
    font-size: 1.1875rem;
  }

  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .error-summary .link {
    display: inline-block;
    padding: var(--_space-1) 0;
    color: var(--_error);
    font-weight: 700;
  }

  .problem {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-3);
    border-left: 5px solid var(--_error);
    background: var(--_panel);
  }

  .summary-line {
    color: var(--_secondary-text);
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--_space-3);
    margin: 0;
  }

  .figure {
    padding: var(--_space-3);
    border-top: 5px solid var(--_brand);
    background: var(--_panel);
  }

  .figure dt {
    font-weight: 700;
  }

  .figure dd {
    margin: 0;
  }

  .figure .value {
    font-size: 2rem;
    font-weight: 700;
    line-height: 1.25;
  }

  .figure .detail {
    margin-top: var(--_space-2);
    color: var(--_secondary-text);
  }

  summary {
    display: inline-block;
    min-height: 2.75rem;
    padding: var(--_space-2) 0;
    box-sizing: border-box;
    color: var(--_brand);
    text-decoration: underline;
    cursor: pointer;
  }

  summary:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
  }

  .method p {
    margin: var(--_space-2) 0 0;
    padding-left: var(--_space-3);
    border-left: 4px solid var(--_border);
  }

  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: var(--_space-4);
  }

  .chart {
    margin: 0;
  }

  .chart-title {
    font-weight: 700;
  }

  .scale,
  .weeks {
    margin: 0;
    color: var(--_secondary-text);
    font-size: 0.875rem;
  }

  .weeks {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-2);
  }

  /* The drawing stretches to the width it has at a fixed height; lines keep their thickness. */
  .bars {
    display: block;
    width: 100%;
    height: 8rem;
  }

  .bar {
    fill: var(--_brand);
  }

  .gridline,
  .baseline {
    stroke: var(--_secondary-text);
    stroke-width: 1px;
    vector-effect: non-scaling-stroke;
  }

  .gridline {
    stroke-dasharray: 4 4;
  }

  /*
   * The table scrolls sideways in here, never the page. Size containment keeps the table's width
   * out of the element's own minimum width: without it, a page that puts the element in a flex
   * or grid column (most admin layouts) would widen that column to the table and scroll at 320 px.
   */
  .table-region {
    max-width: 100%;
    overflow-x: auto;
    contain: inline-size;
  }

  .table-region:focus-visible {
    outline: 3px solid var(--_focus);
  }

  table {
    border-collapse: collapse;
    margin: var(--_space-2) 0;
    /* Numbers keep to one line; the region scrolls sideways instead of the page. */
    overflow-wrap: normal;
  }

  caption {
    margin: 0 0 var(--_space-2);
    font-weight: 700;
    text-align: left;
  }

  th,
  td {
    padding: var(--_space-2) var(--_space-3) var(--_space-2) 0;
    border-bottom: 1px solid var(--_border);
    text-align: left;
    white-space: nowrap;
  }

  td {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  @media (forced-colors: active) {
    .bar {
      fill: CanvasText;
    }
  }
`;
