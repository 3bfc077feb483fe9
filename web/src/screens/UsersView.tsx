import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ROLES, type User } from '../api/types';
import { ConfirmDialog } from '../components/links';
import { useApp } from '../state';
import { ErrorBox, Field, Loading, Notice, PageTitle, describe, useLoad } from '../components/common';
import { formatDateTime } from '../format';

export function UsersView() {
  const { t, i18n } = useTranslation();
  const users = useLoad(() => api.users(), []);
  const [form, setForm] = useState({ username: '', display_name: '', role: 'prosecutor', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const { user: me } = useApp();
  // The account whose lost authenticator app is being reset (a confirmation first).
  const [resetting, setResetting] = useState<User | null>(null);
  const [resetBusy, setResetBusy] = useState(false);
  const [resetError, setResetError] = useState<unknown>(null);
  const [resetDone, setResetDone] = useState<string | null>(null);

  const resetFactor = async () => {
    if (!resetting) return;
    setResetBusy(true);
    setResetError(null);
    try {
      await api.updateUser(resetting.id, resetting.version ?? 0, { reset_second_factor: true });
      setResetDone(resetting.username);
      setResetting(null);
      users.reload();
    } catch (err) {
      setResetError(err);
    } finally {
      setResetBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!form.username.trim()) errs.username = t('validation.required');
    if (form.password.length < 12) errs.password = t('validation.passwordLength');
    setErrors(errs);
    setError(null);
    setCreated(null);
    if (Object.keys(errs).length) return;
    try {
      const u = await api.createUser({
        username: form.username.trim(),
        password: form.password,
        role: form.role,
        ...(form.display_name.trim() ? { display_name: form.display_name.trim() } : {}),
      });
      setCreated(u.username);
      setForm({ username: '', display_name: '', role: 'prosecutor', password: '' });
      users.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div>
      <PageTitle>{t('users.title')}</PageTitle>
      <ErrorBox error={users.error} />
      {users.loading && <Loading />}
      {resetDone && <Notice kind="success">{t('users.factorResetOk', { name: resetDone })}</Notice>}
      {users.data && (
        <div className="table-wrap">
          <table className="data" id="users-table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.created')}</th>
                <th scope="col">{t('users.factor')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <td>
                    <bdi dir="ltr">{u.username}</bdi>
                  </td>
                  <td>
                    <bdi dir="auto">{u.display_name}</bdi>
                  </td>
                  <td>{t(`roles.${u.role}`, { defaultValue: u.role })}</td>
                  <td>{u.locked ? <span className="badge badge-warn">{t('users.locked')}</span> : t('users.active')}</td>
                  <td>{formatDateTime(u.created_at, i18n.language)}</td>
                  <td>
                    {u.second_factor_enrolled ? t('users.factorEnrolled') : t('users.factorPending')}
                    {u.second_factor_enrolled && u.id !== me?.id && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="btn btn-link"
                          id={`reset-factor-${u.username}`}
                          onClick={() => {
                            setResetDone(null);
                            setResetError(null);
                            setResetting(u);
                          }}
                        >
                          {t('users.factorReset')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {resetting && (
        <ConfirmDialog
          id="reset-factor-dialog"
          title={t('users.factorResetTitle', { name: resetting.display_name || resetting.username })}
          confirmLabel={t('users.factorReset')}
          onConfirm={() => void resetFactor()}
          onCancel={() => setResetting(null)}
          busy={resetBusy}
          danger
        >
          <ErrorBox error={resetError} id="reset-factor-error" />
          <p>{t('users.factorResetText')}</p>
        </ConfirmDialog>
      )}
      <form className="panel form" onSubmit={submit} noValidate aria-labelledby="new-user-h">
        <h2 id="new-user-h">{t('users.new')}</h2>
        <p className="hint">{t('users.newHint')}</p>
        {created && <Notice kind="success">{t('users.createdOk', { name: created })}</Notice>}
        <ErrorBox error={error} />
        <div className="grid-2">
          <Field id="nu-username" label={t('users.username')} required error={errors.username}>
            <input
              id="nu-username"
              dir="ltr"
              autoComplete="off"
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.target.value })}
              {...describe('nu-username', false, errors.username)}
            />
          </Field>
          <Field id="nu-display" label={t('users.displayName')}>
            <input id="nu-display" dir="auto" value={form.display_name} onChange={(e) => setForm({ ...form, display_name: e.target.value })} />
          </Field>
          <Field id="nu-role" label={t('users.role')}>
            <select id="nu-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="nu-password" label={t('users.password')} required hint={t('users.passwordHint')} error={errors.password}>
            <input
              id="nu-password"
              type="password"
              dir="ltr"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
              {...describe('nu-password', true, errors.password)}
            />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t('users.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
