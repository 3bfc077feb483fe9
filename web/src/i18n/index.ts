// i18next set-up: five languages, bundled (no network), Arabic right to left.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar';
import en from './locales/en';
import es from './locales/es';
import fr from './locales/fr';
import nl from './locales/nl';

export const LANGUAGES = ['fr', 'ar', 'es', 'nl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

// Endonyms: each language is named in itself, whatever the interface language.
export const LANGUAGE_NAMES: Record<Lang, string> = {
  fr: 'Français',
  ar: 'العربية',
  es: 'Español',
  nl: 'Nederlands',
  en: 'English',
};

// Locales for Intl: Moroccan Arabic (Latin digits, as used in Moroccan courts), Belgian Dutch.
export const INTL_LOCALES: Record<Lang, string> = {
  fr: 'fr-FR',
  ar: 'ar-MA',
  es: 'es-ES',
  nl: 'nl-BE',
  en: 'en-GB',
};

export const resources = { fr, ar, es, nl, en };

const STORAGE_KEY = 'taawun.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// ?lang= in the address wins (and is remembered), then the remembered choice, then the browser's.
export function pickInitialLanguage(
  search: string,
  stored: string | null,
  browser: readonly string[],
): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(stored)) return stored;
  for (const b of browser) {
    const base = b.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'fr';
}

export function applyDocumentLanguage(lang: string): void {
  const html = document.documentElement;
  html.lang = lang;
  html.dir = directionOf(lang);
}

export function rememberLanguage(lang: Lang, username?: string): void {
  const s = safeStorage();
  if (!s) return;
  s.setItem(STORAGE_KEY, lang);
  if (username) s.setItem(`${STORAGE_KEY}.user.${username}`, lang);
}

export function languageOfUser(username: string): Lang | null {
  const v = safeStorage()?.getItem(`${STORAGE_KEY}.user.${username}`);
  return isLang(v) ? v : null;
}

export async function setLanguage(lang: Lang, username?: string): Promise<void> {
  rememberLanguage(lang, username);
  await i18next.changeLanguage(lang);
}

export function initI18n(lang?: Lang) {
  const initial =
    lang ??
    pickInitialLanguage(
      typeof window !== 'undefined' ? window.location.search : '',
      safeStorage()?.getItem(STORAGE_KEY) ?? null,
      typeof navigator !== 'undefined' ? navigator.languages ?? [] : [],
    );
  if (typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('lang') === initial) {
    rememberLanguage(initial);
  }
  i18next.on('languageChanged', applyDocumentLanguage);
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, { translation: v }])),
      lng: initial,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      initAsync: false,
    });
  } else {
    void i18next.changeLanguage(initial);
  }
  applyDocumentLanguage(initial);
  return i18next;
}

export default i18next;
