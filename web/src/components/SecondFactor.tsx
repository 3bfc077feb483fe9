// The second factor in the interface (issue 10): the code field shared by login, enrolment and
// step-up, and the step-up dialog that any action needing a recent code opens
// (api.onStepUpRequired; the server says which actions: 401 auth.step_up_required).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorBox, Field, describe } from './common';
import { ConfirmDialog } from './links';

// A 6-digit code from the authenticator app, or a recovery code (xxxx-xxxx-xxxx).
export function CodeInput({
  id, value, onChange, hint = true, autoFocus = false,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  hint?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('factor.code')} hint={hint ? t('factor.codeHint') : undefined} required>
      <input
        id={id}
        name="one-time-code"
        autoComplete="one-time-code"
        inputMode="text"
        dir="ltr"
        className="code-input"
        value={value}
        maxLength={20}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value.trim())}
        {...describe(id, hint, null)}
      />
    </Field>
  );
}

export function StepUpDialogHost() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<((proved: boolean) => void) | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.onStepUpRequired = () =>
      new Promise<boolean>((resolve) => {
        setCode('');
        setError(null);
        setPending(() => resolve);
      });
    return () => {
      api.onStepUpRequired = async () => false;
    };
  }, []);

  if (!pending) return null;
  const finish = (proved: boolean) => {
    pending(proved);
    setPending(null);
  };
  const confirm = async () => {
    if (!code) {
      document.getElementById('step-up-code')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.stepUp(code);
      finish(true);
    } catch (e) {
      setError(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      id="step-up-dialog"
      title={t('factor.stepUpTitle')}
      confirmLabel={t('factor.stepUpConfirm')}
      onConfirm={() => void confirm()}
      onCancel={() => finish(false)}
      busy={busy}
    >
      <p>{t('factor.stepUpText')}</p>
      <ErrorBox error={error} id="step-up-error" />
      <CodeInput id="step-up-code" value={code} onChange={setCode} autoFocus />
    </ConfirmDialog>
  );
}
