import { act, render, screen, fireEvent } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n, { initI18n } from '../i18n';
import { AppStateProvider } from '../state';
import { Login } from '../screens/Login';

describe('right-to-left switching', () => {
  beforeEach(async () => {
    initI18n('en');
    await act(() => i18n.changeLanguage('en'));
  });

  it('switching to Arabic sets dir=rtl and lang=ar on <html>, and back', async () => {
    render(
      <AppStateProvider>
        <Login />
      </AppStateProvider>,
    );
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ar' } });
    });
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('تسجيل الدخول');
    expect(window.localStorage.getItem('taawun.lang')).toBe('ar');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('اللغة'), { target: { value: 'nl' } });
    });
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Aanmelden');
  });
});
