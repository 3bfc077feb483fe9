// The purpose of the consultation: a legal safeguard. Every read of personal data sends it to the
// server (X-Purpose, X-Case-Reference), which records it in the audit log. Asked once per session or
// case, kept in sessionStorage (forgotten when the tab closes or the user logs out).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state';

export const PURPOSE_INPUT_ID = 'purpose-input';

export function PurposeBar() {
  const { t } = useTranslation();
  const { purpose, setPurpose } = useApp();
  const [editing, setEditing] = useState(!purpose);
  const [text, setText] = useState(purpose?.purpose ?? '');
  const [caseRef, setCaseRef] = useState(purpose?.caseReference ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!purpose) setEditing(true);
  }, [purpose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('purpose.missing'));
      document.getElementById(PURPOSE_INPUT_ID)?.focus();
      return;
    }
    if (text.trim().length > 200 || caseRef.trim().length > 200) {
      setError(t('errors.validation.too_long'));
      return;
    }
    setError(null);
    setPurpose({ purpose: text.trim(), caseReference: caseRef.trim() });
    setEditing(false);
  };

  if (!editing && purpose) {
    return (
      <section className="purpose-bar purpose-set" aria-label={t('purpose.label')}>
        <span className="purpose-label">{t('purpose.label')}</span>{' '}
        <bdi dir="auto" className="purpose-value" data-testid="purpose-value">
          {purpose.purpose}
        </bdi>
        {purpose.caseReference && (
          <>
            <span className="purpose-sep" aria-hidden="true">
              ·
            </span>
            <span className="purpose-label">{t('purpose.caseReference')}</span>{' '}
            <bdi dir="auto" className="purpose-value">
              {purpose.caseReference}
            </bdi>
          </>
        )}
        <button
          type="button"
          className="btn btn-link"
          onClick={() => {
            setText(purpose.purpose);
            setCaseRef(purpose.caseReference);
            setEditing(true);
          }}
        >
          {t('purpose.change')}
        </button>
        <span className="purpose-note">{t('purpose.logged')}</span>
      </section>
    );
  }

  return (
    <form className="purpose-bar purpose-edit" onSubmit={submit} aria-label={t('purpose.label')} noValidate>
      <div className="purpose-field">
        <label htmlFor={PURPOSE_INPUT_ID}>{t('purpose.label')}</label>
        <input
          id={PURPOSE_INPUT_ID}
          dir="auto"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('purpose.placeholder')}
          aria-describedby="purpose-help"
          aria-invalid={error ? true : undefined}
          autoComplete="off"
        />
      </div>
      <div className="purpose-field purpose-case">
        <label htmlFor="purpose-case">{t('purpose.caseReference')}</label>
        <input
          id="purpose-case"
          dir="auto"
          value={caseRef}
          maxLength={200}
          onChange={(e) => setCaseRef(e.target.value)}
          placeholder={t('purpose.caseReferencePlaceholder')}
          autoComplete="off"
        />
      </div>
      <button type="submit" className="btn btn-primary" id="purpose-apply">
        {t('purpose.apply')}
      </button>
      {purpose && (
        <button type="button" className="btn" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      )}
      <p id="purpose-help" className="purpose-note">
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : (
          t('purpose.help')
        )}
      </p>
    </form>
  );
}

// Register screens render only once a purpose is given.
export function PurposeGate({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const { purpose } = useApp();
  if (purpose) return <>{children}</>;
  return (
    <div className="purpose-gate" role="region" aria-labelledby="purpose-gate-title">
      <h2 id="purpose-gate-title">{t('purpose.gateTitle')}</h2>
      <p>{t('purpose.gateText')}</p>
      <button type="button" className="btn btn-primary" onClick={() => document.getElementById(PURPOSE_INPUT_ID)?.focus()}>
        {t('purpose.gateButton')}
      </button>
    </div>
  );
}
