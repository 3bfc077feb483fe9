import { describe, expect, it } from 'vitest';
import { LANGUAGES, directionOf, pickInitialLanguage, resources } from '../i18n';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaf(obj: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

describe('i18n completeness', () => {
  const reference = keys(resources.en).sort();

  it.each(LANGUAGES)('%s has exactly the keys of English, all non-empty strings', (lang) => {
    const own = keys(resources[lang]).sort();
    expect(own).toEqual(reference);
    for (const k of own) {
      const v = leaf(resources[lang], k);
      expect(typeof v, `${lang}:${k}`).toBe('string');
      expect((v as string).trim(), `${lang}:${k}`).not.toBe('');
    }
  });

  it.each(LANGUAGES)('%s keeps the interpolation variables of English', (lang) => {
    for (const k of reference) {
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(leaf(resources[lang], k) as string), `${lang}:${k}`).toEqual(vars(leaf(resources.en, k) as string));
    }
  });

  it('Arabic strings are written in Arabic script', () => {
    const arabic = /[\u0600-\u06FF]/;
    const exempt = new Set(['identType.iban', 'identType.imei', 'nameKind.kunya']);
    for (const k of reference) {
      if (exempt.has(k)) continue;
      expect(arabic.test(leaf(resources.ar, k) as string), `ar:${k}`).toBe(true);
    }
  });

  it('every problem code listed in the API contract has a message', () => {
    const codes = [
      'request.malformed_json', 'request.invalid_utf8', 'request.wrong_type', 'request.unknown_field',
      'request.invalid_query', 'request.too_large', 'validation.missing_field', 'validation.too_long',
      'validation.invalid_value', 'validation.too_many', 'validation.unsafe_character', 'date.invalid', 'auth.unauthenticated',
      'auth.invalid_credentials', 'auth.throttled', 'auth.forbidden', 'auth.second_factor_required',
      'auth.invalid_code', 'auth.code_reused', 'auth.step_up_required', 'auth.second_factor_enrolment_required',
      'auth.second_factor_enrolled', 'auth.no_enrolment_pending', 'not_found', 'route.not_found',
      'route.method_not_allowed', 'precondition.version_mismatch', 'precondition.if_match_required',
      'purpose.required', 'conflict.involvement_duplicate', 'conflict.username_taken',
      'attachment.hash_mismatch', 'attachment.empty', 'attachment.too_many', 'attachment.integrity_failure',
      'attachment.hash_unavailable', 'request.closed', 'request.not_draft', 'request.wrong_side',
      'clocks.no_extension', 'clocks.extension_used',
    ];
    for (const lang of LANGUAGES) {
      for (const c of codes) expect(typeof leaf(resources[lang], `errors.${c}`), `${lang}:${c}`).toBe('string');
    }
  });
});

describe('language choice', () => {
  it('?lang= wins, then the remembered choice, then the browser, then French', () => {
    expect(pickInitialLanguage('?lang=ar', 'nl', ['es-ES'])).toBe('ar');
    expect(pickInitialLanguage('?lang=xx', 'nl', ['es-ES'])).toBe('nl');
    expect(pickInitialLanguage('', null, ['es-ES', 'en'])).toBe('es');
    expect(pickInitialLanguage('', null, ['de-DE'])).toBe('fr');
  });
  it('only Arabic is right to left', () => {
    expect(LANGUAGES.filter((l) => directionOf(l) === 'rtl')).toEqual(['ar']);
  });
});
