import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { VpQuickExitEvent } from '../events/quick-exit-event.js';
import { defineElement } from '../shared/define.js';
import { LanguageController } from '../shared/localization.js';
import { controlStyles, themeStyles } from '../shared/theme.styles.js';
import { ExitShortcutController } from './exit-shortcut.js';
import { quickExitStyles } from './quick-exit.styles.js';

/** Where the quick exit goes unless the page says otherwise: a page nobody would question. */
export const defaultExitUrl = 'https://www.bbc.co.uk/weather';

/** How the page is left. Replaceable, so tests and single-page apps can observe or take over. */
export type Navigate = (url: string) => void;

/**
 * @summary "Exit this page": leaves at once for a neutral page, after every widget has
 * forgotten what it held. Pressing Shift 3 times, or Escape twice, does the same.
 *
 * @fires {VpQuickExitEvent} vp-quick-exit - Just before leaving. Widgets forget the case in
 * their listeners. Cancelable: preventDefault() stops the navigation, not the forgetting.
 *
 * @csspart base - The exit link, styled as a button.
 *
 * @cssproperty --vp-color-exit - The button's background (default GOV.UK red).
 * @cssproperty --vp-color-exit-text - The button's text.
 * @cssproperty --vp-focus-colour - Focus highlight.
 * @cssproperty --vp-focus-text-colour - Text on the focus highlight.
 * @cssproperty --vp-radius - Corner radius.
 * @attr lang - `cy` for Welsh, `en` for English; without it, the page's `<html lang>`.
 */
export class VpQuickExit extends LitElement {
  static override styles = [themeStyles, controlStyles, quickExitStyles];

  /** The neutral page to go to; must be http(s). */
  @property({ attribute: 'exit-url' }) exitUrl = defaultExitUrl;

  /**
   * How to leave. `location.replace` by default, so the Back button does not return here.
   * @param url the exit page
   */
  @property({ attribute: false }) navigate: Navigate = (url) => window.location.replace(url);

  #safeExitUrl = defaultExitUrl;

  constructor() {
    super();
    new LanguageController(this);
    new ExitShortcutController(this, () => this.exit());
  }

  /** Forgets and leaves: fires `vp-quick-exit`, then navigates unless that was cancelled. */
  exit(): void {
    const url = this.#safeExitUrl;
    const event = new VpQuickExitEvent(url);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.navigate(url);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('exitUrl')) this.#safeExitUrl = safeExitUrl(this.exitUrl);
  }

  protected override render() {
    // A real link, so the exit still works as a plain link if script fails after rendering.
    return html`<a
      part="base"
      class="button exit"
      href=${this.#safeExitUrl}
      rel="nofollow noreferrer"
      @click=${this.#onClick}
      >${msg('Exit this page')}</a
    >`;
  }

  #onClick(event: MouseEvent): void {
    event.preventDefault();
    this.exit();
  }
}

// The exit URL comes from the page's markup; anything but http(s) (a `javascript:` URL, say)
// falls back to the default rather than run or go somewhere odd.
function safeExitUrl(candidate: string): string {
  try {
    const url = new URL(candidate, document.baseURI);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // Not a URL at all: use the default.
  }
  console.warn(`[victim-portal] exit-url "${candidate}" is not an http(s) URL; using ${defaultExitUrl}.`);
  return defaultExitUrl;
}

defineElement('vp-quick-exit', VpQuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'vp-quick-exit': VpQuickExit;
  }
}
