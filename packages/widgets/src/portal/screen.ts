import type { nothing, TemplateResult } from 'lit';

/** One screen of the portal: its heading (focused on arrival) and what sits under it. */
export interface Screen {
  /** The screen's heading, in the active language. */
  heading: string | TemplateResult;
  /** What the screen says under its heading. */
  body: TemplateResult | typeof nothing;
  /** Shown above the heading, e.g. a back button. */
  before?: TemplateResult | typeof nothing;
  /** Something went wrong: the screen goes in the role=alert region so it is announced. */
  alert?: boolean;
}
