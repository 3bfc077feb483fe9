// The desk's duty roster of the user's country: who is on call now (highlighted), the head of office,
// upcoming and past entries. Every role reads it; the administrator adds entries (times entered in the
// country's local time, sent in UTC) and removes them.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { DUTY_KINDS, type Duty, type DutyKind, type User } from '../api/types';
import { ErrorBox, Field, Loading, Notice, PageTitle, describe, toProblem, useLoad } from '../components/common';
import { ConfirmDialog } from '../components/links';
import { Countdown, useNow } from '../components/requests';
import { checkDuty, rosterOf, utcToZoned, zonedToUtc, type DutyErrorKey, type DutyForm } from '../duties';
import { countryName } from '../format';
import { COUNTRY_TIME_ZONES, formatDue } from '../requests';
import { useApp } from '../state';

const HOLDER_ROLES = ['prosecutor', 'liaison_magistrate'];

function Holder({ duty, meId }: { duty: Duty; meId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <bdi dir="auto" className="duty-name">
        {duty.display_name || duty.user_id}
      </bdi>
      {duty.user_id === meId && <span className="muted"> {t('duties.you')}</span>}
    </>
  );
}

function RosterTable({
  id, caption, duties, zone, meId, now, onRemove,
}: {
  id: string;
  caption: string;
  duties: Duty[];
  zone: string | undefined;
  meId: string;
  now: number;
  onRemove?: (d: Duty) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const status = (d: Duty) =>
    Date.parse(d.starts_at) > now ? 'upcoming' : d.ends_at && Date.parse(d.ends_at) <= now ? 'past' : 'now';
  return (
    <div className="table-wrap">
      <table className="data" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('duties.person')}</th>
            <th scope="col">{t('duties.duty')}</th>
            <th scope="col">{t('duties.starts')}</th>
            <th scope="col">{t('duties.ends')}</th>
            <th scope="col">{t('duties.status')}</th>
            {onRemove && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {duties.map((d) => (
            <tr key={d.id} data-duty-id={d.id} data-duty={d.duty} className={status(d) === 'now' ? 'duty-row-now' : undefined}>
              <td>
                <Holder duty={d} meId={meId} />
              </td>
              <td>{t(`duties.kind.${d.duty}`, { defaultValue: d.duty })}</td>
              <td>
                <time dateTime={d.starts_at}>{formatDue(d.starts_at, lang, zone)}</time>
              </td>
              <td>{d.ends_at ? <time dateTime={d.ends_at}>{formatDue(d.ends_at, lang, zone)}</time> : t('duties.noEnd')}</td>
              <td>
                <span className={`badge duty-status-${status(d)}`}>{t(`duties.status_${status(d)}`)}</span>
              </td>
              {onRemove && (
                <td>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    id={`remove-duty-${d.id}`}
                    aria-label={t('duties.removeLabel', {
                      name: d.display_name || d.user_id,
                      duty: t(`duties.kind.${d.duty}`, { defaultValue: d.duty }),
                    })}
                    onClick={() => onRemove(d)}
                  >
                    {t('duties.remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DutyRoster() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user } = useApp();
  const admin = user?.role === 'administrator';
  const duties = useLoad(() => api.duties(), []);
  const now = useNow(30000);
  const [removing, setRemoving] = useState<Duty | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Kept untranslated, so that a change of language translates it too.
  const [done, setDone] = useState<{ key: string; vars?: Record<string, string> } | null>(null);
  if (!user) return null;
  const zone = COUNTRY_TIME_ZONES[user.country];
  const country = countryName(user.country, lang);
  const roster = rosterOf(duties.data?.items ?? [], now);

  const remove = async (d: Duty) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api.deleteDuty(d.id);
      setDone({ key: 'duties.removed' });
      duties.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return (
    <div className="duty-roster">
      <PageTitle>{t('duties.title')}</PageTitle>
      <p className="lead">{t('duties.intro', { country })}</p>
      <p className="note" id="duties-zone">
        {t('duties.zoneNote', { country, zone: zone ?? 'UTC' })}
      </p>
      <ErrorBox error={duties.error} />
      {duties.loading && !duties.data && <Loading />}
      <div aria-live="polite">{done && <Notice kind="success">{t(done.key, done.vars)}</Notice>}</div>
      <ErrorBox error={error} id="duties-error" />
      {duties.data && (
        <>
          <div className="duty-now-grid">
            <section aria-labelledby="duty-now-h" className={`panel duty-now${roster.onCallNow.length ? '' : ' duty-now-empty'}`} id="duty-now">
              <h2 id="duty-now-h">{t('duties.nowTitle')}</h2>
              {roster.onCallNow.length === 0 ? (
                <p id="duty-nobody">{t('duties.nobodyOnCall')}</p>
              ) : (
                <ul className="plain-list">
                  {roster.onCallNow.map((d) => (
                    <li key={d.id} data-user-id={d.user_id} className="duty-now-person">
                      <Holder duty={d} meId={user.id} />
                      {d.ends_at && (
                        <div className="muted">
                          {t('duties.until', { time: formatDue(d.ends_at, lang, zone) })} · <Countdown dueAt={d.ends_at} />
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="duty-head-h" className="panel duty-head" id="duty-head">
              <h2 id="duty-head-h">{t('duties.headTitle')}</h2>
              {roster.headsNow.length === 0 ? (
                <p id="duty-no-head">{t('duties.noHead')}</p>
              ) : (
                <ul className="plain-list">
                  {roster.headsNow.map((d) => (
                    <li key={d.id} data-user-id={d.user_id}>
                      <Holder duty={d} meId={user.id} />
                      <div className="muted">
                        {t('duties.since', { time: formatDue(d.starts_at, lang, zone) })}
                        {d.ends_at && <> · {t('duties.until', { time: formatDue(d.ends_at, lang, zone) })}</>}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          <section aria-labelledby="duty-current-h">
            <h2 id="duty-current-h">{t('duties.currentAndUpcoming')}</h2>
            {roster.current.length + roster.upcoming.length === 0 ? (
              <p className="empty" id="duties-none-upcoming">
                {t('duties.noneUpcoming')}
              </p>
            ) : (
              <RosterTable
                id="duties-upcoming"
                caption={t('duties.currentAndUpcoming')}
                duties={[...roster.current, ...roster.upcoming]}
                zone={zone}
                meId={user.id}
                now={now}
                onRemove={admin ? setRemoving : undefined}
              />
            )}
          </section>
          <section aria-labelledby="duty-past-h">
            <h2 id="duty-past-h">{t('duties.past')}</h2>
            {roster.past.length === 0 ? (
              <p className="empty" id="duties-none-past">
                {t('duties.nonePast')}
              </p>
            ) : (
              <RosterTable
                id="duties-past"
                caption={t('duties.past')}
                duties={roster.past}
                zone={zone}
                meId={user.id}
                now={now}
                onRemove={admin ? setRemoving : undefined}
              />
            )}
          </section>
        </>
      )}
      {admin ? (
        <DutyFormPanel
          zone={zone ?? 'UTC'}
          country={country}
          onSubmit={() => setDone(null)}
          onCreated={(d) => {
            setDone({ key: 'duties.created', vars: { name: d.display_name || d.user_id } });
            duties.reload();
          }}
        />
      ) : (
        <p className="note" id="duties-read-only">
          {t('duties.readOnly')}
        </p>
      )}
      {removing && (
        <ConfirmDialog
          id="duty-dialog"
          title={t('duties.removeTitle')}
          confirmLabel={t('duties.remove')}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
          busy={busy}
          danger
        >
          <p>
            {t('duties.removeText', {
              name: removing.display_name || removing.user_id,
              duty: t(`duties.kind.${removing.duty}`, { defaultValue: removing.duty }),
            })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

const ERROR_MESSAGES: Record<DutyErrorKey, string> = {
  required: 'validation.required',
  invalid: 'duties.invalidTime',
  endsBeforeStart: 'duties.endsBeforeStart',
  tooLong: 'duties.tooLong',
};

// The administrator's form: duty, person (prosecutors and liaison magistrates of the country), start and
// end in the country's local time, each with the UTC instant it will be recorded as.
function DutyFormPanel({
  zone, country, onSubmit, onCreated,
}: { zone: string; country: string; onSubmit(): void; onCreated(d: Duty): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const users = useLoad(() => api.users(), []);
  const [form, setForm] = useState<DutyForm>(() => ({
    duty: 'on_call_liaison', user_id: '', starts: utcToZoned(Date.now(), zone), ends: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const holders = (users.data?.items ?? []).filter((u: User) => HOLDER_ROLES.includes(u.role) && !u.locked);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    onSubmit();
    const checked = checkDuty(form, zone);
    const errs: Record<string, string> = {};
    for (const [k, v] of Object.entries(checked.errors)) errs[k] = t(ERROR_MESSAGES[v]);
    setErrors(errs);
    if (!checked.body) {
      const first = Object.keys(errs)[0];
      if (first) document.getElementById(`du-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api.createDuty(checked.body);
      setForm({ duty: form.duty, user_id: '', starts: utcToZoned(Date.now(), zone), ends: '' });
      onCreated(created);
    } catch (err) {
      setError(err);
      const p = toProblem(err);
      if (p.field) {
        setErrors({ [p.field]: p.code === 'validation.missing_field' ? t('validation.required') : t('validation.server') });
        document.getElementById(`du-${p.field}`)?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  // The zone the time is read in, and the UTC instant it will be recorded as.
  const utcHint = (local: string) => {
    const at = local ? zonedToUtc(local, zone) : null;
    const where = t('duties.localTime', { country, zone });
    return at ? `${where} ${t('duties.inUtc', { time: formatDue(at, lang, 'UTC') })}` : where;
  };

  return (
    <form className="panel form" id="duty-form" onSubmit={submit} noValidate aria-labelledby="duty-form-h">
      <h2 id="duty-form-h">{t('duties.add')}</h2>
      <p className="hint">{t('duties.addHint')}</p>
      <ErrorBox error={users.error} />
      <ErrorBox error={error} id="duty-form-error" />
      <div className="grid-2">
        <Field id="du-duty" label={t('fields.duty')} error={errors.duty}>
          <select
            id="du-duty"
            value={form.duty}
            onChange={(e) => setForm({ ...form, duty: e.target.value as DutyKind })}
            {...describe('du-duty', false, errors.duty)}
          >
            {DUTY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`duties.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="du-user_id" label={t('fields.user_id')} required error={errors.user_id}>
          <select
            id="du-user_id"
            value={form.user_id}
            onChange={(e) => setForm({ ...form, user_id: e.target.value })}
            {...describe('du-user_id', false, errors.user_id)}
          >
            <option value="">{t('duties.choosePerson')}</option>
            {holders.map((u) => (
              <option key={u.id} value={u.id}>
                {`${u.display_name || u.username} — ${t(`roles.${u.role}`)}`}
              </option>
            ))}
          </select>
        </Field>
        <Field id="du-starts_at" label={t('fields.starts_at')} required hint={utcHint(form.starts)} error={errors.starts_at}>
          <input
            id="du-starts_at"
            type="datetime-local"
            dir="ltr"
            value={form.starts}
            onChange={(e) => setForm({ ...form, starts: e.target.value })}
            {...describe('du-starts_at', true, errors.starts_at)}
          />
        </Field>
        <Field
          id="du-ends_at"
          label={t('fields.ends_at')}
          required={form.duty === 'on_call_liaison'}
          hint={
            <>
              {form.duty === 'on_call_liaison' ? t('duties.endsHintOnCall') : t('duties.endsHintHead')} {utcHint(form.ends)}
            </>
          }
          error={errors.ends_at}
        >
          <input
            id="du-ends_at"
            type="datetime-local"
            dir="ltr"
            value={form.ends}
            onChange={(e) => setForm({ ...form, ends: e.target.value })}
            {...describe('du-ends_at', true, errors.ends_at)}
          />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" id="duty-save" disabled={busy}>
          {busy ? t('common.saving') : t('duties.create')}
        </button>
      </div>
    </form>
  );
}
