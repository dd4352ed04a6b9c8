import { configureLocalization, updateWhenLocaleChanges, type LocaleModule } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language as ServiceLanguage } from '@victim-portal/sdk';
import { sourceLocale, targetLocales } from '../locales/locale-codes.js';

/**
 * The languages the widgets speak: English, the source, and each target locale of
 * lit-localize.json (read from the generated locale-codes.ts, so a new language needs no change here).
 */
export type PortalLocale = typeof sourceLocale | (typeof targetLocales)[number];

/**
 * The languages the service itself writes in (the contract's `Language`): what the widgets ask it
 * for. On a page in another of the widgets' languages the service's own words come in English.
 */
const serviceLanguages: readonly ServiceLanguage[] = ['en', 'cy'];

/**
 * The language of free text from the service (the crime type): the contract has it in English
 * only, so on a Welsh page it is marked `lang="en"` for screen readers (WCAG 3.1.2).
 */
export const serviceLanguage = 'en';

/**
 * @returns the catalogue of a target locale, loaded on demand (English is the source and costs
 * nothing). Vite (the tests, Storybook) reads this template as a glob over src/locales/; for the
 * builds, rollup.config.js's `localeCatalogues` plugin rewrites it into one import per target locale
 * (separate chunks in ESM and the victims' drop-in, files in dist/locales/ for the other drop-ins).
 * @param locale one of `targetLocales`
 */
const loadCatalogue = (locale: string): Promise<LocaleModule> => import(`../locales/${locale}.ts`);

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
      loadLocale: loadCatalogue,
    });
  } catch (error) {
    console.warn('[victim-portal] @lit/localize is already configured by this page; the widgets will show English.', error);
    runtime = null;
  }
  return runtime;
}

const primaryLanguage = (languageTag: string) => languageTag.trim().toLowerCase().split(/[-_]/)[0];

/**
 * @returns the widgets' locale for a BCP 47 language tag: the target locale with the same primary
 * language (`cy-GB` is Welsh, `pl` Polish), else English
 */
export function supportedLocale(languageTag: string): PortalLocale {
  const language = primaryLanguage(languageTag);
  return targetLocales.find((locale) => primaryLanguage(locale) === language) ?? sourceLocale;
}

/** @returns the language to ask the service for its own words in: the widgets' locale if the service has it, else English */
export function serviceLanguageFor(locale: PortalLocale): ServiceLanguage {
  return serviceLanguages.find((language) => language === locale) ?? 'en';
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
  return supportedLocale(localization()?.getLocale() ?? sourceLocale);
}

/**
 * @returns the locale to format dates and numbers in: the active language as written in the UK
 * ("en-GB", "cy-GB", "pl-GB"), where the force and its victims are
 */
export function formatLocale(): string {
  return `${activeLocale()}-GB`;
}

/**
 * @returns `formatLocale()` if this browser's Intl has data for it, else British English. Chrome
 * ships a reduced set of ICU locales without Welsh, and Intl would then silently fall back to the
 * browser's own language (often American English); en-GB's digits and separators read the same
 * in Welsh (1,234 and 14:05).
 */
export function numberLocale(): string {
  const locale = formatLocale();
  return Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : 'en-GB';
}

/**
 * The words for a count in each plural form a language may have (Intl.PluralRules: English
 * has one and other, Polish one, few, many and other, Welsh all six). Each form is its own
 * `msg()` with an id, so that every language's catalogue can word each form its own way.
 */
export type PluralForms = Record<Intl.LDMLPluralRule, () => string>;

/** @returns the words for `count` in the plural form the active language's grammar picks */
export function plural(count: number, forms: PluralForms): string {
  // Plural rules are in Chrome's ICU data for every language, Welsh included.
  return forms[new Intl.PluralRules(formatLocale()).select(count)]();
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
