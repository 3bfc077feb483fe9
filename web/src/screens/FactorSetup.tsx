// Enrolling an authenticator app (issue 10): what an account without a second factor sees after
// signing in with its password, and nothing else until it is done. The server gives the secret
// (POST /session/factor) as a QR code and as text; the first code confirms it and the recovery
// codes are shown, once.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { FactorEnrolment } from '../api/types';
import { ErrorBox, Loading } from '../components/common';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { CodeInput } from '../components/SecondFactor';
import { useApp } from '../state';

export function FactorSetup() {
  const { t } = useTranslation();
  const { signedIn, signedOut } = useApp();
  const [enrolment, setEnrolment] = useState<FactorEnrolment | null>(null);
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('factor.title')} — ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    let live = true;
    api.beginFactorEnrolment().then(
      (e) => live && setEnrolment(e),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!code) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.confirmFactorEnrolment(code);
      setRecovery(r.recovery_codes);
    } catch (err) {
      setError(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  const done = async () => {
    const s = await api.session();
    signedIn(s.user, s.expires_at);
  };
  const leave = async () => {
    await api.logout().catch(() => undefined);
    signedOut('loggedOut');
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch id="factor-language" />
      </div>
      <main className="login-card factor-card" id="main">
        <h1 id="page-heading" tabIndex={-1}>
          {t('factor.title')}
        </h1>
        <ErrorBox error={error} id="factor-error" />
        {!recovery && !enrolment && !error && <Loading />}
        {!recovery && enrolment && (
          <form onSubmit={confirm} noValidate>
            <p>{t('factor.intro')}</p>
            <ol className="factor-steps">
              <li>{t('factor.stepScan')}</li>
              <li>{t('factor.stepType')}</li>
            </ol>
            <img
              className="factor-qr"
              id="factor-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qr_svg)}`}
              alt={t('factor.qrAlt')}
              width={200}
              height={200}
            />
            <p className="muted">{t('factor.secretLabel')}</p>
            <p>
              <code id="factor-secret" dir="ltr" className="factor-secret">
                {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
              </code>
            </p>
            <CodeInput id="factor-code" value={code} onChange={setCode} hint={false} />
            <button type="submit" className="btn btn-primary btn-block" id="factor-confirm" disabled={busy || !code}>
              {t('factor.confirm')}
            </button>
          </form>
        )}
        {recovery && (
          <section aria-labelledby="factor-recovery-title">
            <h2 id="factor-recovery-title">{t('factor.recoveryTitle')}</h2>
            <p>{t('factor.recoveryText')}</p>
            <ul id="factor-recovery" className="factor-recovery" dir="ltr">
              {recovery.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
            <button type="button" className="btn btn-primary btn-block" id="factor-continue" onClick={() => void done()}>
              {t('factor.continue')}
            </button>
          </section>
        )}
        <p>
          <button type="button" className="btn btn-link" id="factor-logout" onClick={() => void leave()}>
            {t('factor.signOut')}
          </button>
        </p>
      </main>
    </div>
  );
}
