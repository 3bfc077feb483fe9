import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { ErrorBox, Notice } from '../components/common';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { CodeInput } from '../components/SecondFactor';
import { useApp } from '../state';

export function Login() {
  const { t } = useTranslation();
  const { signedIn, notice } = useApp();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  // Shown once the server asked for the authenticator app's code (the password was right).
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const s = await api.login(username.trim(), password, askCode ? code : undefined);
      setPassword('');
      signedIn(s.user, s.expires_at);
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem.code : '';
      const aboutCode = ['auth.second_factor_required', 'auth.invalid_code', 'auth.code_reused'].includes(problem);
      // Asked for the code: keep the password, which was right, and ask for the code alone.
      if (problem === 'auth.second_factor_required') {
        setAskCode(true);
        setError(null);
      } else {
        setError(err);
      }
      if (!aboutCode) {
        setPassword('');
        setAskCode(false);
      }
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch id="login-language" />
      </div>
      <main className="login-card" id="main">
        <div className="brand brand-login">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <h1>{t('login.title')}</h1>
        {notice === 'expired' && <Notice>{t('login.expired')}</Notice>}
        {notice === 'loggedOut' && <Notice kind="success">{t('login.loggedOut')}</Notice>}
        <ErrorBox error={error} id="login-error" />
        <form onSubmit={submit} noValidate>
          <div className={`field${missing && !username.trim() ? ' field-invalid' : ''}`}>
            <label htmlFor="username">{t('login.username')}</label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              dir="ltr"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={missing && !username.trim() ? true : undefined}
              autoFocus
            />
          </div>
          <div className={`field${missing && !password ? ' field-invalid' : ''}`}>
            <label htmlFor="password">{t('login.password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              dir="ltr"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={missing && !password ? true : undefined}
            />
          </div>
          {askCode && (
            <>
              <p id="login-code-text">{t('factor.loginText')}</p>
              <CodeInput id="code" value={code} onChange={setCode} autoFocus />
            </>
          )}
          {missing && (
            <p className="field-error" role="alert">
              {t('login.missing')}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy} id="login-submit">
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
        <p className="login-legal">{t('login.legal')}</p>
      </main>
    </div>
  );
}
