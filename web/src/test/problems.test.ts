import { act } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n, { initI18n } from '../i18n';
import { fieldLabel, translateProblem } from '../i18n/problems';

describe('problem+json code → message', () => {
  beforeEach(async () => {
    initI18n('en');
    await act(() => i18n.changeLanguage('en'));
  });

  it('translates a known code in every language, without the English detail', async () => {
    const p = { status: 429, code: 'auth.throttled', detail: 'Too many failed logins' };
    expect(translateProblem(i18n, p)).toEqual({
      message: expect.stringMatching(/Too many failed attempts/), field: undefined,
    });
    await act(() => i18n.changeLanguage('fr'));
    expect(translateProblem(i18n, p).message).toMatch(/Trop de tentatives/);
    await act(() => i18n.changeLanguage('ar'));
    expect(translateProblem(i18n, p).message).toMatch(/محاولات فاشلة/);
  });

  it('names the field concerned, with the position in a list', () => {
    const p = { status: 422, code: 'date.invalid', field: 'birth_date', detail: 'x' };
    expect(translateProblem(i18n, p).field).toBe('Date of birth');
    expect(fieldLabel(i18n, 'names[1].full')).toBe('Full name (2)');
    expect(fieldLabel(i18n, 'no_such_field')).toBeUndefined();
  });

  it('falls back by family, then to a generic message with the English detail', () => {
    const fam = translateProblem(i18n, { status: 409, code: 'conflict.something_new', detail: 'Boom' });
    expect(fam.message).toMatch(/conflicts/);
    expect(fam.detail).toBe('Boom');
    const unknown = translateProblem(i18n, { status: 500, code: 'internal.error', detail: 'Disk full' });
    expect(unknown.message).toBe('The operation could not be completed.');
    expect(unknown.detail).toBe('Disk full');
  });

  it('does not mistake a group of messages for a message', () => {
    // "errors.auth" is an object in the table; a code "auth" must not render "[object Object]".
    const r = translateProblem(i18n, { status: 400, code: 'auth', detail: 'd' });
    expect(r.message).toBe('The operation could not be completed.');
  });
});
