import type { Language, PreferencesUpdate } from '@victim-portal/sdk';

/**
 * Fired by `<vp-preferences>` when the service has saved a change to the victim's preferences.
 * Carries the names of what changed only, not the new values.
 */
export class VpPreferencesChangedEvent extends Event {
  /** What changed, by the contract's names (`contactChannel`, `quietHours`, …). */
  readonly changed: (keyof PreferencesUpdate)[];

  constructor(changed: (keyof PreferencesUpdate)[]) {
    super('vp-preferences-changed', { bubbles: true, composed: true });
    this.changed = changed;
  }
}

/**
 * Fired by `<vp-preferences>` when the victim has saved a new language: the page (or
 * `<vp-portal>`) should switch to it by setting `lang` on the widgets or the page, which they
 * follow. The widgets do not change the page's language themselves.
 */
export class VpLanguageChangeEvent extends Event {
  /** The language the victim chose: `en` or `cy`. */
  readonly language: Language;

  constructor(language: Language) {
    super('vp-language-change', { bubbles: true, composed: true });
    this.language = language;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vp-preferences-changed': VpPreferencesChangedEvent;
    'vp-language-change': VpLanguageChangeEvent;
  }
}
