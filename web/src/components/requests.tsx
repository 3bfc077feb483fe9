// Pieces of the request desk screens: status badge, live countdowns, deadlines (with their extension),
// the timeline of states and receipts, the channel choice, the desk and request tables.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  CHANNELS, type Channel, type CoopRequest, type DeskEntry, type RequestDeadline, type RequestExtension, type ReviewProblem,
  type Role,
} from '../api/types';
import { countryName, formatDateTime } from '../format';
import {
  AUTHORITY_COUNTRY, COUNTRY_TIME_ZONES, RECEIPT_STATES, extensionOf, fieldId, formatDue, formatPeriod,
  formatDuration, mayExtend, remaining, sideOf, type Side,
} from '../requests';
import { Link } from '../router';
import { fieldLabel } from '../i18n/problems';
import { ErrorBox, Field, describe } from './common';
import { ConfirmDialog, authorityName } from './links';

// The current time, re-read every `ms` milliseconds (one timer per component).
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

export function RequestStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge request-status request-status-${status}`} data-status={status}>
      {t(`requestState.${status}`, { defaultValue: status })}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const { t } = useTranslation();
  if (urgency === 'normal') return null;
  return (
    <span className={`badge urgency-${urgency}`} data-urgency={urgency}>
      {t(`urgency.${urgency}`, { defaultValue: urgency })}
    </span>
  );
}

// "in 3 days 4 hr" / "overdue by 2 hr 5 min", ticking; red (and said in words) when overdue.
export function Countdown({ dueAt, id }: { dueAt: string; id?: string }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const r = remaining(dueAt, now);
  const text = formatDuration(r, i18n.language);
  return (
    <span
      id={id}
      className={r.overdue ? 'countdown countdown-overdue' : r.totalMs < 86400000 ? 'countdown countdown-soon' : 'countdown'}
      data-overdue={r.overdue ? 'true' : 'false'}
    >
      <bdi>{r.overdue ? t('deadlines.overdueBy', { duration: text }) : t('deadlines.remaining', { duration: text })}</bdi>
    </span>
  );
}

export function deadlineKindLabel(t: TFunction, kind: string): string {
  return t(`deadlineKind.${kind}`, { defaultValue: kind });
}

// The request's deadlines: kind, due instant in the user's zone and in the acting party's zone,
// binding or target, status, live countdown for the open ones. An extended deadline says when, by whom
// and why; an extendable one offers "Extend" to the side that grants it (when `onExtend` is given) and
// tells the others who may.
export function DeadlinesTable({
  deadlines, actingCountry, extensions, side = null, role, onExtend,
}: {
  deadlines: RequestDeadline[];
  actingCountry: string;
  extensions?: RequestExtension[];
  side?: Side | null;
  role?: Role;
  onExtend?(deadline: RequestDeadline): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const zone = COUNTRY_TIME_ZONES[actingCountry];
  if (!deadlines.length) return <p className="empty" id="deadlines-none">{t('deadlines.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="data" id="deadlines-table">
        <caption className="visually-hidden">{t('deadlines.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deadlines.kind')}</th>
            <th scope="col">{t('deadlines.due')}</th>
            <th scope="col">{t('deadlines.status')}</th>
            <th scope="col">{t('deadlines.countdown')}</th>
          </tr>
        </thead>
        <tbody>
          {deadlines.map((d, i) => {
            const canExtend = !!onExtend && !!role && mayExtend(d, side, role);
            const ext = d.extended ? extensionOf(extensions, d.kind) : undefined;
            const labelId = `deadline-${d.kind}-${i}-label`;
            return (
              <tr
                key={`${d.kind}-${i}`}
                data-kind={d.kind}
                data-status={d.status}
                data-extended={d.extended ? 'true' : undefined}
                data-extendable={d.extendable ? 'true' : undefined}
              >
                <td>
                  <span id={labelId}>{deadlineKindLabel(t, d.kind)}</span>
                  <div className="muted">{d.binding ? t('deadlines.binding') : t('deadlines.target')}</div>
                </td>
                <td>
                  <bdi className="deadline-due">{formatDue(d.due_at, lang)}</bdi>
                  {zone && (
                    <div className="muted">
                      {t('deadlines.localTime', { country: countryName(actingCountry, lang) })}{' '}
                      <bdi>{formatDue(d.due_at, lang, zone)}</bdi>
                    </div>
                  )}
                  {d.extended && (
                    <div className="deadline-extension">
                      <span className="badge badge-extended">{t('deadlines.extended')}</span>{' '}
                      <span className="muted">
                        {!ext
                          ? t('deadlines.extendedOnce')
                          : ext.by
                            ? t(ext.by === 'executing' ? 'deadlines.extendedByExecuting' : 'deadlines.extendedByIssuing', {
                                date: formatDateTime(ext.at, lang),
                              })
                            : t('deadlines.extendedOn', { date: formatDateTime(ext.at, lang) })}
                      </span>
                      {ext?.reason && (
                        <div className="extension-reason">
                          <span className="muted">{t('deadlines.extensionReason')}</span>{' '}
                          <bdi dir="auto">{ext.reason}</bdi>
                        </div>
                      )}
                    </div>
                  )}
                </td>
                <td>{t(`deadlineStatus.${d.status}`, { defaultValue: d.status })}</td>
                <td>
                  {d.status === 'open' ? <Countdown dueAt={d.due_at} /> : <span className="muted">—</span>}
                  {canExtend ? (
                    <div className="deadline-action">
                      <button
                        type="button"
                        className="btn btn-small"
                        id={`extend-${d.kind}`}
                        aria-describedby={labelId}
                        onClick={() => onExtend!(d)}
                      >
                        {d.extension
                          ? t('deadlines.extendBy', { period: formatPeriod(d.extension, lang) })
                          : t('deadlines.extend')}
                      </button>
                    </div>
                  ) : (
                    d.extendable &&
                    d.status === 'open' &&
                    d.extension_by && (
                      <div className="muted deadline-extendable-note" id={`extendable-${d.kind}`}>
                        {t(d.extension_by === 'executing' ? 'deadlines.extendableByExecuting' : 'deadlines.extendableByIssuing')}
                      </div>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// Asks for the reason of a deadline's extension (required: the other country reads it) and says what
// happens: extended once, by the rule's period, the other desk notified. Nothing is sent without a reason.
export function ExtendDeadlineDialog({
  deadline, busy, error, onConfirm, onCancel,
}: {
  deadline: RequestDeadline;
  busy: boolean;
  error?: unknown;
  onConfirm(reason: string): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const label = deadlineKindLabel(t, deadline.kind);
  const id = 'extension-reason';
  const fieldError = missing ? t('extension.reasonRequired') : null;
  const submit = () => {
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    onConfirm(reason.trim());
  };
  const due = formatDue(deadline.due_at, lang);
  // The legal basis of the extension, where the locales carry one for this kind of deadline.
  const basis = t(`extension.basis.${deadline.kind}`, { defaultValue: '' });
  return (
    <ConfirmDialog
      id="extension-dialog"
      title={t('extension.title', { deadline: label })}
      confirmLabel={t('extension.confirm')}
      onConfirm={submit}
      onCancel={onCancel}
      busy={busy}
    >
      <ErrorBox error={error} id="extension-error" />
      <p>
        {deadline.extension
          ? t('extension.text', { deadline: label, due, period: formatPeriod(deadline.extension, lang) })
          : t('extension.textGeneric', { deadline: label, due })}
      </p>
      {basis && <p className="muted">{basis}</p>}
      <p>{t('extension.notified')}</p>
      <Field id={id} label={t('extension.reason')} hint={t('extension.reasonHint')} error={fieldError} required>
        <textarea
          id={id}
          dir="auto"
          rows={4}
          value={reason}
          required
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
          {...describe(id, true, fieldError)}
        />
      </Field>
    </ConfirmDialog>
  );
}

// Who took a step: "you", else the side that takes it (an authority or a country), else the user id.
function actorText(t: TFunction, lang: string, r: CoopRequest, index: number, meId: string): string {
  const h = r.status_history[index];
  if (h.actor === meId) return t('timeline.you');
  if (index === 0) return authorityName(t, r.issuing);
  const side = sideOf(r.channel, r.status_history[index - 1].state, h.state);
  if (side === 'issuing') return authorityName(t, r.issuing);
  if (side === 'executing') {
    if (AUTHORITY_COUNTRY[r.executing]) return authorityName(t, r.executing);
    if (/^[A-Z]{2}$/.test(r.executing)) return countryName(r.executing, lang);
    return r.provider || r.executing;
  }
  return '';
}

// The states the request went through, oldest first; receipts (sent, delivered, acknowledged…) are
// marked as such with their timestamp.
export function Timeline({ request, meId }: { request: CoopRequest; meId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ol className="timeline" id="request-timeline">
      {request.status_history.map((h, i) => {
        const receipt = RECEIPT_STATES.has(h.state);
        const last = i === request.status_history.length - 1;
        const actor = actorText(t, lang, request, i, meId);
        return (
          <li key={`${h.state}-${h.at}`} className={`timeline-item${last ? ' timeline-current' : ''}`} data-state={h.state}>
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div>
                <strong>{t(`requestState.${h.state}`, { defaultValue: h.state })}</strong>
                {receipt && <span className="badge badge-receipt">{t('timeline.receipt')}</span>}
                {last && <span className="visually-hidden"> ({t('timeline.current')})</span>}
              </div>
              <div className="muted">
                <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time> ·{' '}
                {actor ? <bdi>{actor}</bdi> : <span title={t('timeline.userId', { id: h.actor })}>{t('timeline.anotherUser')}</span>}
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

// Step 1 of the guided creation: the channel, each with a short explanation.
export function ChannelChoice({
  channels, value, onChange,
}: { channels: readonly Channel[]; value: Channel | ''; onChange(c: Channel): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="channel-choice" id="channel-choice">
      <legend>{t('requests.chooseChannel')}</legend>
      {channels.map((c) => (
        <label key={c} className={`channel-option${value === c ? ' channel-selected' : ''}`} htmlFor={`channel-${c}`}>
          <input
            type="radio"
            name="channel"
            id={`channel-${c}`}
            value={c}
            checked={value === c}
            onChange={() => onChange(c)}
            aria-describedby={`channel-${c}-help`}
          />
          <span className="channel-text">
            <span className="channel-name">{t(`channel.${c}`)}</span>
            <span className="channel-help" id={`channel-${c}-help`}>
              {t(`channelHelp.${c}`)}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export const ALL_CHANNELS = CHANNELS;

// The message of a review problem, by its code; a missing field gets the field's own guidance.
export function problemMessage(t: TFunction, p: ReviewProblem): string {
  if (p.code === 'validation.missing_field') {
    const path = p.field.replace(/\[\d+\]/g, '').replace(/\./g, '_');
    const specific = t(`review.missing.${path}`, { defaultValue: '' });
    if (specific) return specific;
  }
  return t(`errors.${p.code}`, { defaultValue: t('review.generic') });
}

// The completeness review at the top of the form: every problem, each a link to its field.
export function ReviewSummary({ problems, complete }: { problems: ReviewProblem[]; complete: boolean }) {
  const { t, i18n } = useTranslation();
  if (complete) {
    return (
      <div className="alert alert-success" role="status" id="review-complete">
        {t('review.complete')}
      </div>
    );
  }
  return (
    <div className="alert alert-warn review-summary" role="alert" id="review-summary" tabIndex={-1}>
      <strong>{t('review.incomplete', { count: problems.length })}</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-field={p.field} data-code={p.code}>
            <a href={`#${fieldId(p.field)}`} onClick={(e) => {
              const el = document.getElementById(fieldId(p.field)) ?? document.getElementById(fieldId(p.field.replace(/\[\d+\].*$/, '')));
              if (el) {
                e.preventDefault();
                el.focus();
              }
            }}>
              {fieldLabel(i18n, p.field) ?? p.field}
            </a>
            {': '}
            {problemMessage(t, p)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function sides(lang: string, issuing: string, executing: string) {
  return `${countryName(issuing, lang)} → ${executing ? countryName(executing, lang) : '—'}`;
}

export function RequestsTable({ requests, id = 'requests-table', caption }: { requests: CoopRequest[]; id?: string; caption: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="table-wrap">
      <table className="data" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('requests.channelCol')}</th>
            <th scope="col">{t('requests.parties')}</th>
            <th scope="col">{t('requests.status')}</th>
            <th scope="col">{t('requests.nextDeadline')}</th>
            <th scope="col">{t('common.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => {
            const open = r.deadlines.filter((d) => d.status === 'open').sort((a, b) => a.due_at.localeCompare(b.due_at))[0];
            return (
              <tr key={r.id} data-request-id={r.id}>
                <td>
                  <Link href={`/requests/${encodeURIComponent(r.id)}`}>{t(`channel.${r.channel}`, { defaultValue: r.channel })}</Link>
                  <div className="muted">
                    <bdi dir="ltr">{r.id}</bdi>
                  </div>
                </td>
                <td>
                  {sides(lang, r.issuing_country, r.executing_country)}
                  {r.provider && (
                    <div className="muted">
                      <bdi dir="auto">{r.provider}</bdi>
                    </div>
                  )}
                </td>
                <td>
                  <RequestStatusBadge status={r.status} /> <UrgencyBadge urgency={r.urgency} />
                </td>
                <td>
                  {open ? (
                    <>
                      <div>{deadlineKindLabel(t, open.kind)}</div>
                      <Countdown dueAt={open.due_at} />
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>{formatDateTime(r.updated_at, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// One list of the desk (due soon, overdue, emergencies), with live countdowns.
export function DeskTable({ entries, id, caption }: { entries: DeskEntry[]; id: string; caption: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="table-wrap">
      <table className="data data-compact" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('requests.channelCol')}</th>
            <th scope="col">{t('requests.parties')}</th>
            <th scope="col">{t('requests.status')}</th>
            <th scope="col">{t('deadlines.kind')}</th>
            <th scope="col">{t('deadlines.countdown')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={`${e.request_id}-${e.deadline_kind}-${i}`} data-request-id={e.request_id}>
              <td>
                <Link href={`/requests/${encodeURIComponent(e.request_id)}`}>{t(`channel.${e.channel}`, { defaultValue: e.channel })}</Link>
              </td>
              <td>{sides(lang, e.issuing_country, e.executing_country)}</td>
              <td>
                <RequestStatusBadge status={e.status} /> <UrgencyBadge urgency={e.urgency} />
              </td>
              <td>{e.deadline_kind ? deadlineKindLabel(t, e.deadline_kind) : <span className="muted">{t('desk.noClock')}</span>}</td>
              <td>
                {e.due_at ? (
                  <>
                    <Countdown dueAt={e.due_at} />
                    <div className="muted">
                      <bdi>{formatDue(e.due_at, lang)}</bdi>
                    </div>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
