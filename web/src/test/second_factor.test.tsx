import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../api/client';
import { StepUpDialogHost } from '../components/SecondFactor';
import i18n, { initI18n } from '../i18n';
import { Login } from '../screens/Login';
import { AppStateProvider } from '../state';

describe('second factor in the interface', () => {
  beforeEach(async () => {
    initI18n('en');
    await act(() => i18n.changeLanguage('en'));
  });
  afterEach(() => vi.restoreAllMocks());

  it('login asks for the code after the right password, keeps the password and sends both', async () => {
    const login = vi
      .spyOn(api, 'login')
      .mockRejectedValueOnce(new ApiError({ status: 401, code: 'auth.second_factor_required', field: 'code' }))
      .mockRejectedValueOnce(new ApiError({ status: 401, code: 'auth.code_reused', field: 'code' }))
      .mockResolvedValueOnce({
        token: 't', expires_at: '2026-12-07T12:00:00Z',
        user: { id: 'usr_1', username: 'fr.prosecutor', country: 'FR', authority: 'PNAT', role: 'prosecutor' },
      });
    render(
      <AppStateProvider>
        <Login />
      </AppStateProvider>,
    );
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'fr.prosecutor' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'the password' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    expect(login).toHaveBeenLastCalledWith('fr.prosecutor', 'the password', undefined);
    const code = await waitFor(() => document.getElementById('code') as HTMLInputElement);
    expect(document.getElementById('login-error')).toBeNull(); // a request for the code, not an error
    fireEvent.change(code, { target: { value: '123456' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    expect(login).toHaveBeenLastCalledWith('fr.prosecutor', 'the password', '123456');
    expect(screen.getByText(/already used/)).toBeTruthy();
    fireEvent.change(document.getElementById('code')!, { target: { value: '654321' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    expect(login).toHaveBeenLastCalledWith('fr.prosecutor', 'the password', '654321');
  });

  it('the step-up dialog proves a fresh code, or gives up on cancel', async () => {
    const stepUp = vi
      .spyOn(api, 'stepUp')
      .mockRejectedValueOnce(new ApiError({ status: 422, code: 'auth.invalid_code', field: 'code' }))
      .mockResolvedValueOnce({ factor_verified_at: '2026-12-07T12:00:00Z' });
    render(<StepUpDialogHost />);
    let proved: Promise<boolean> = Promise.resolve(false);
    await act(async () => {
      proved = api.onStepUpRequired();
    });
    expect(screen.getByText('Confirm it is you')).toBeTruthy();
    fireEvent.change(document.getElementById('step-up-code')!, { target: { value: '111111' } });
    await act(async () => fireEvent.click(document.getElementById('step-up-dialog-confirm')!));
    expect(stepUp).toHaveBeenCalledWith('111111');
    expect(screen.getByText(/The code is not right/)).toBeTruthy();
    fireEvent.change(document.getElementById('step-up-code')!, { target: { value: '222222' } });
    await act(async () => fireEvent.click(document.getElementById('step-up-dialog-confirm')!));
    await expect(proved).resolves.toBe(true);
    expect(document.getElementById('step-up-dialog')).toBeNull();

    await act(async () => {
      proved = api.onStepUpRequired();
    });
    await act(async () => fireEvent.click(document.getElementById('step-up-dialog-cancel')!));
    await expect(proved).resolves.toBe(false);
  });
});
