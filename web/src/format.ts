// Locale-aware formatting with Intl. Values from the server are never translated, only formatted.
import { INTL_LOCALES, isLang } from './i18n';

function locale(lang: string): string {
  return isLang(lang) ? INTL_LOCALES[lang] : lang;
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { timeStyle: 'short' }).format(d);
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

// A calendar date (YYYY-MM-DD) or a partial one (YYYY, YYYY-MM) or a range of years (YYYY/YYYY),
// shown per locale; never shifted by time zones (formatted in UTC).
export function formatPartialDate(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const loc = locale(lang);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return new Intl.DateTimeFormat(loc, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, 1));
    return new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
  }
  m = /^(\d{4})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1], 0, 1));
    return new Intl.DateTimeFormat(loc, { year: 'numeric', timeZone: 'UTC' }).format(d);
  }
  m = /^(\d{4})\/(\d{4})$/.exec(value);
  if (m) {
    const y = (s: string) =>
      new Intl.DateTimeFormat(loc, { year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(+s, 0, 1)));
    return `${y(m[1])}–${y(m[2])}`;
  }
  return value;
}

// Client-side check of the contract's birth-date forms; the server stays the judge.
export function isValidPartialDate(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  let m = /^(\d{4})$/.exec(v);
  if (m) return true;
  m = /^(\d{4})\/(\d{4})$/.exec(v);
  if (m) return +m[1] <= +m[2];
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return +m[2] >= 1 && +m[2] <= 12;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }
  return false;
}

export function isValidFullDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && isValidPartialDate(value);
}

// Country names come from Intl (every ISO code, per locale); the code itself if unknown.
export function countryName(code: string, lang: string): string {
  try {
    const dn = new Intl.DisplayNames([locale(lang)], { type: 'region' });
    return dn.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

// A list per locale ("A, B and C", "أ، ب و ج").
export function formatList(items: string[], lang: string): string {
  try {
    return new Intl.ListFormat(locale(lang), { style: 'short', type: 'unit' }).format(items);
  } catch {
    return items.join(', ');
  }
}

// A probability in [0, 1] as a percentage ("99.7 %", "٪" conventions per locale).
export function formatPercent(p: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(p);
}

// A signed log-odds weight: "+5.8", "−0.3".
export function formatWeight(w: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang), {
    signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1,
  }).format(w);
}
