import { configureLocalization, updateWhenLocaleChanges, type LocaleModule } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sourceLocale, targetLocales } from '../locales/locale-codes.js';

/** The languages the widgets speak. */
export type PortalLocale = 'en' | 'cy';

/**
 * The language of free text from the service (the crime type): the contract has it in English
 * only, so on a Welsh page it is marked `lang="en"` for screen readers (WCAG 3.1.2).
 */
export const serviceLanguage = 'en';

// Only Welsh is loaded on demand: English is the source and costs nothing. In the drop-in
// script rollup inlines this import; in ESM it stays a separate chunk for bundlers to split.
const loaders: Record<string, () => Promise<LocaleModule>> = {
  cy: () => import('../locales/cy.js'),
};

type Runtime = ReturnType<typeof configureLocalization>;
let runtime: Runtime | undefined | null;

// Configured on first use rather than at import, so importing a module has no side effect
// beyond registering its element. @lit/localize allows one configuration per copy of the
// library: if the host page's own app already configured a shared copy, we stay in English
// rather than break its pages.
function localization(): Runtime | null {
  if (runtime !== undefined) return runtime;
  try {
    runtime = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: async (locale) => {
        const load = loaders[locale];
        if (!load) throw new Error(`No translations for ${locale}`);
        return load();
      },
    });
  } catch (error) {
    console.warn('[victim-portal] @lit/localize is already configured by this page; the widgets will show English.', error);
    runtime = null;
  }
  return runtime;
}

/** @returns the widgets' locale for a BCP 47 language tag: Welsh for `cy…`, else English */
export function supportedLocale(languageTag: string): PortalLocale {
  return /^cy(-|$)/i.test(languageTag.trim()) ? 'cy' : 'en';
}

/**
 * @returns the language that applies to `element`: its own `lang`, else the nearest ancestor's,
 * looking through shadow roots (so an element inside `<vp-portal lang="cy">` is Welsh too),
 * else the page's `<html lang>`.
 */
export function languageOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? (node.getRootNode() as Partial<ShadowRoot>).host ?? null;
  }
  return '';
}

/** @returns the active locale of the widgets */
export function activeLocale(): PortalLocale {
  return localization()?.getLocale() === 'cy' ? 'cy' : 'en';
}

/** @returns the locale to format dates in: British English or Welsh */
export function dateLocale(): string {
  return activeLocale() === 'cy' ? 'cy-GB' : 'en-GB';
}

/**
 * Switches the widgets' language.
 * @returns a promise that settles when the new language's strings are loaded
 */
export async function useLocale(locale: PortalLocale): Promise<void> {
  const active = localization();
  if (!active || active.getLocale() === locale) return;
  await active.setLocale(locale);
}

/**
 * Keeps an element in the language of its `lang` (or its page's) and re-renders it when the
 * language changes. @lit/localize has one active language per page, so elements on one page
 * share it: the last element to connect or change its `lang` decides.
 */
export class LanguageController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
    updateWhenLocaleChanges(host);
  }

  hostConnected(): void {
    this.#follow();
    this.#observer = new MutationObserver(() => this.#follow());
    const watched = { attributes: true, attributeFilter: ['lang'] };
    this.#observer.observe(this.#host, watched);
    this.#observer.observe(document.documentElement, watched);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #follow(): void {
    void useLocale(supportedLocale(languageOf(this.#host)));
  }
}
