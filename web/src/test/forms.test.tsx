import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import i18n, { initI18n } from '../i18n';
import { isValidPartialDate } from '../format';
import { PersonForm, personBody, validatePerson, emptyPerson } from '../screens/PersonForm';
import { ProceedingForm } from '../screens/ProceedingForm';
import { AppStateProvider } from '../state';

const t = (k: string) => k;

describe('partial dates', () => {
  it('accepts the forms of the contract and rejects impossible dates', () => {
    for (const ok of ['1988', '1988-04', '1988-04-30', '1985/1990', '2000-02-29', '']) expect(isValidPartialDate(ok), ok).toBe(true);
    for (const bad of ['1988-13', '1988-02-30', '88', '1990/1985', '1988-4', '1988-04-1', 'abcd', '2001-02-29'])
      expect(isValidPartialDate(bad), bad).toBe(false);
  });
});

describe('person validation', () => {
  it('flags empty names, bad dates, documents without numbers and bad country codes by field path', () => {
    const v = {
      ...emptyPerson(),
      birth_date: '1990-00',
      nationalities: ['Maroc'],
      documents: [{ type: 'passport', number: ' ', issuing_country: 'FRA' }],
      identifiers: [{ type: 'phone', value: '' }],
    };
    expect(Object.keys(validatePerson(v, t)).sort()).toEqual(
      ['birth_date', 'documents[0].issuing_country', 'documents[0].number', 'identifiers[0].value', 'names[0].full', 'nationalities'].sort(),
    );
  });
  it('sends trimmed values and lets the server detect the script', () => {
    const body = personBody({ ...emptyPerson(), names: [{ full: ' كريم ', script: 'Latn', kind: 'primary', given: '' }], birth_date: '' });
    expect(body.names).toEqual([{ full: 'كريم', kind: 'primary' }]);
    expect(body.birth_date).toBeNull();
  });
});

describe('forms show validation feedback', () => {
  beforeEach(async () => {
    initI18n('en');
    await act(() => i18n.changeLanguage('en'));
  });

  it('person form: inline errors wired to the inputs, no request sent', async () => {
    const create = vi.spyOn(api, 'createPerson');
    render(
      <AppStateProvider>
        <PersonForm />
      </AppStateProvider>,
    );
    const name = screen.getByLabelText(/Full name/);
    expect(name.getAttribute('dir')).toBe('auto');
    fireEvent.change(screen.getByLabelText(/Date of birth/), { target: { value: '1990-13' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(create).not.toHaveBeenCalled();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain('pe-names-0-full-error');
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(screen.getByText(/Use YYYY, YYYY-MM/)).toBeTruthy();
  });

  it('proceeding form: a server error is shown translated, with the field concerned', async () => {
    vi.spyOn(api, 'createProceeding').mockRejectedValue(
      new (await import('../api/client')).ApiError({
        status: 422, code: 'validation.too_long', field: 'national_reference', detail: 'national_reference: too long',
      }),
    );
    render(
      <AppStateProvider>
        <ProceedingForm />
      </AppStateProvider>,
    );
    fireEvent.change(screen.getByLabelText(/National case number/), { target: { value: 'PNAT-1' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('A value is too long.');
    expect(alert.textContent).toContain('Field concerned: National case number.');
    expect(alert.textContent).not.toContain('{');
  });
});
