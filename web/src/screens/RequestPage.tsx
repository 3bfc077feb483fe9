// One request: parties, facts, measures, the deadlines with live countdowns (and the extension a deadline
// provides, asked for with a reason), the timeline of states and receipts, the steps this side may take
// (next_states holds only those; refusing, withdrawing and other endings ask for confirmation), the
// attachments, and the printable document in the user's language or the executing country's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { WRITER_ROLES, type Person, type RequestDeadline, type RequestState } from '../api/types';
import { AttachmentsPanel } from '../components/attachments';
import { ErrorBox, Loading, Notice, PageTitle, PersonNames, useLoad } from '../components/common';
import { AuthorityName, ConfirmDialog } from '../components/links';
import {
  DeadlinesTable, ExtendDeadlineDialog, RequestStatusBadge, ReviewSummary, Timeline, UrgencyBadge, deadlineKindLabel,
} from '../components/requests';
import { countryName, formatDateTime, formatList, formatPartialDate } from '../format';
import { LANGUAGE_NAMES, isLang } from '../i18n';
import {
  AUTHORITY_COUNTRY, CONFIRM_STEPS, FINAL_STATES, dayOf, executingLanguage, formatDue, mySide,
} from '../requests';
import { Link } from '../router';
import { useApp } from '../state';

function Party({ id }: { id: string }) {
  const { i18n } = useTranslation();
  if (AUTHORITY_COUNTRY[id]) return <AuthorityName id={id} />;
  if (/^[A-Z]{2}$/.test(id)) return <>{countryName(id, i18n.language)}</>;
  return <bdi dir="auto">{id || '—'}</bdi>;
}

// Opens the server's printable HTML in a new window. The document needs X-Purpose, so it is fetched
// and shown from a blob: address (the window is opened at once, within the click, so no pop-up
// blocker intervenes).
async function openDocument(id: string, lang: string, onError: (e: unknown) => void) {
  const w = window.open('', '_blank');
  try {
    const html = await api.requestDocument(id, lang);
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    if (w) w.location.href = url;
    else window.location.href = url;
    window.setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (e) {
    w?.close();
    onError(e);
  }
}

export function RequestPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, purpose } = useApp();
  const req = useLoad(() => api.getRequest(id), [id, purpose?.purpose]);
  const r = req.data;
  const side = r && user ? mySide(r, user.country) : null;
  const issuer = side === 'issuing' || side === 'either';
  const review = useLoad(
    () => (r && r.status === 'draft' && issuer ? api.reviewRequest(r.id) : Promise.resolve(null)),
    [r?.id, r?.status, r?.version, issuer],
  );
  const persons = useLoad(
    () =>
      Promise.all(
        (r?.person_ids ?? []).map((pid) => (issuer ? api.getPerson(pid).catch(() => null as Person | null) : Promise.resolve(null))),
      ),
    [r?.person_ids.join(','), issuer],
  );
  const [pending, setPending] = useState<RequestState | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  // The deadline whose extension is being asked for (the dialog is open), and the server's refusal.
  const [extending, setExtending] = useState<RequestDeadline | null>(null);
  const [extendError, setExtendError] = useState<unknown>(null);

  if (req.loading && !r) return <Loading />;
  if (!r || !user) return <ErrorBox error={req.error} />;
  const writer = WRITER_ROLES.includes(user.role);
  // The server lists only the steps of the caller's side.
  const steps = writer ? r.next_states : [];
  const docLangs = [...new Set([lang, executingLanguage(r.executing_country)])];
  // The clocks shown are read in the local time of the country whose move it is (the server says).
  const actingCountry = r.awaiting[r.awaiting.length - 1] ?? r.issuing_country;
  const awaiting = new Intl.ListFormat(lang, { type: 'conjunction' }).format(
    r.awaiting.map((c) => countryName(c, lang)),
  );

  const step = async (to: RequestState) => {
    setBusy(true);
    setActionError(null);
    setDone(null);
    try {
      const next = await api.transitionRequest(r.id, to);
      req.set(next);
      setDone(t('requests.stepDone', { status: t(`requestState.${next.status}`) }));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const extend = async (kind: string, reason: string) => {
    setBusy(true);
    setExtendError(null);
    setDone(null);
    try {
      const next = await api.extendDeadline(r.id, kind, reason);
      req.set(next);
      const moved = next.deadlines.find((d) => d.kind === kind);
      setDone(
        t('extension.done', {
          deadline: deadlineKindLabel(t, kind),
          due: moved ? formatDue(moved.due_at, lang) : '—',
        }),
      );
      setExtending(null);
    } catch (e) {
      // Shown in the dialog (the reason typed stays); a refusal by state means the page is stale: reload it.
      setExtendError(e);
      if (e instanceof ApiError && (e.status === 409 || e.status === 403)) req.reload();
    } finally {
      setBusy(false);
    }
  };

  const list = (xs: string[], prefix: string) =>
    xs.length ? formatList(xs.map((x) => t(`${prefix}.${x}`, { defaultValue: x })), lang) : '—';

  return (
    <div className="request-page">
      <PageTitle
        actions={
          <>
            {docLangs.map((l) => (
              <button
                key={l}
                type="button"
                className="btn"
                id={l === lang ? 'print-own' : 'print-executing'}
                onClick={() => void openDocument(r.id, l, setActionError)}
              >
                {t('requests.print', { language: isLang(l) ? LANGUAGE_NAMES[l] : l })}
              </button>
            ))}
            {r.status === 'draft' && issuer && writer && (
              <Link href={`/requests/${encodeURIComponent(r.id)}/edit`} className="btn" id="edit-request">
                {t('common.edit')}
              </Link>
            )}
          </>
        }
      >
        {t(`channel.${r.channel}`)} <RequestStatusBadge status={r.status} /> <UrgencyBadge urgency={r.urgency} />
      </PageTitle>
      <p className="lead">
        {side === 'executing' ? t('requests.incomingFrom', { country: countryName(r.issuing_country, lang) }) : t('requests.outgoingTo', { country: r.executing_country ? countryName(r.executing_country, lang) : '—' })}
        {' · '}
        <bdi dir="ltr" className="muted">{r.id}</bdi>
      </p>
      <ErrorBox error={actionError} />
      {done && <Notice kind="success">{done}</Notice>}

      {review.data && <ReviewSummary problems={review.data.problems} complete={review.data.complete} />}

      <section aria-labelledby="steps-h" className="panel" id="request-steps">
        <h2 id="steps-h">{t('requests.nextSteps')}</h2>
        {r.awaiting.length > 0 && (
          <p id="request-awaiting">
            <strong>{t('requests.awaiting', { countries: awaiting })}</strong>
          </p>
        )}
        {steps.length > 0 ? (
          <div className="step-buttons" id="request-step-buttons">
            {steps.map((s) => (
              <button
                key={s}
                type="button"
                id={`step-${s}`}
                className={CONFIRM_STEPS.has(s) ? 'btn btn-danger' : 'btn btn-primary'}
                disabled={busy}
                onClick={() => (CONFIRM_STEPS.has(s) ? setPending(s) : void step(s))}
              >
                {t(`requestStep.${s}`, { defaultValue: s })}
              </button>
            ))}
          </div>
        ) : (
          <p className="empty" id="no-steps">
            {!writer ? t('requests.readOnly') : FINAL_STATES.has(r.status) ? t('requests.finished') : t('requests.noStepForYou')}
          </p>
        )}
      </section>

      <div className="request-columns">
        <section aria-labelledby="deadlines-h">
          <h2 id="deadlines-h">{t('deadlines.title')}</h2>
          <DeadlinesTable
            deadlines={r.deadlines}
            actingCountry={actingCountry}
            extensions={r.extensions}
            side={side}
            role={user.role}
            onExtend={(d) => {
              setExtendError(null);
              setExtending(d);
            }}
          />
        </section>
        <section aria-labelledby="timeline-h">
          <h2 id="timeline-h">{t('timeline.title')}</h2>
          <Timeline request={r} meId={user.id} />
        </section>
      </div>

      <AttachmentsPanel request={r} user={user} />

      <h2>{t('requests.sectionParties')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('fields.issuing')}</dt>
          <dd>
            <Party id={r.issuing} />
          </dd>
        </div>
        <div>
          <dt>{r.provider ? t('fields.provider') : t('fields.executing')}</dt>
          <dd>
            {r.provider ? <bdi dir="auto">{r.provider}</bdi> : <Party id={r.executing} />}
            {r.provider && r.executing_country && <span className="muted"> ({countryName(r.executing_country, lang)})</span>}
          </dd>
        </div>
        <div>
          <dt>{t('fields.legal_basis')}</dt>
          <dd>
            <bdi dir="auto">{r.legal_basis || '—'}</bdi>
          </dd>
        </div>
        {issuer && (
          <div>
            <dt>{t('proceedings.one')}</dt>
            <dd>
              <Link href={`/proceedings/${encodeURIComponent(r.proceeding_id)}`} id="request-proceeding">
                {t('requests.openProceeding')}
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('fields.urgency')}</dt>
          <dd>{t(`urgency.${r.urgency}`, { defaultValue: r.urgency })}</dd>
        </div>
        <div>
          <dt>{t('fields.languages')}</dt>
          <dd>{r.languages.length ? formatList(r.languages.map((l) => (isLang(l) ? LANGUAGE_NAMES[l] : l)), lang) : '—'}</dd>
        </div>
        <div>
          <dt>{t('fields.data_categories')}</dt>
          <dd>{list(r.data_categories, 'dataCategory')}</dd>
        </div>
        <div>
          <dt>{t('requests.timeFrame')}</dt>
          <dd>
            {r.time_frame.from || r.time_frame.to ? (
              <bdi>
                {formatPartialDate(dayOf(r.time_frame.from), lang) || '…'} – {formatPartialDate(dayOf(r.time_frame.to), lang) || '…'}
              </bdi>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>{t('fields.confidentiality.requested')}</dt>
          <dd>{r.confidentiality.requested ? t('requests.yes') : t('requests.no')}</dd>
        </div>
        <div>
          <dt>{t('common.updated')}</dt>
          <dd>
            {formatDateTime(r.updated_at, lang)} · {t('common.version', { n: r.version })}
          </dd>
        </div>
      </dl>
      {r.urgency !== 'normal' && r.urgency_justification && (
        <section>
          <h2>{t('fields.urgency_justification')}</h2>
          <p dir="auto" className="prose">{r.urgency_justification}</p>
        </section>
      )}
      {r.summary_of_facts.text && (
        <section>
          <h2>
            {t('fields.summary_of_facts.text')}{' '}
            {isLang(r.summary_of_facts.lang) && <span className="muted">({LANGUAGE_NAMES[r.summary_of_facts.lang]})</span>}
          </h2>
          <p dir="auto" lang={r.summary_of_facts.lang || undefined} className="prose">
            {r.summary_of_facts.text}
          </p>
        </section>
      )}
      {(r.legal_qualification.article || r.legal_qualification.text) && (
        <section>
          <h2>{t('fields.legal_qualification.text')}</h2>
          <p dir="auto" className="prose">
            {[r.legal_qualification.article, r.legal_qualification.text].filter(Boolean).join(' — ')}
          </p>
        </section>
      )}
      <section aria-labelledby="measures-h">
        <h2 id="measures-h">{t('requests.sectionMeasures')}</h2>
        {r.measures.length === 0 ? (
          <p className="empty">—</p>
        ) : (
          <div className="table-wrap">
            <table className="data data-compact" id="measures-table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.measures.type')}</th>
                  <th scope="col">{t('fields.measures.description')}</th>
                  <th scope="col">{t('fields.measures.link_to_facts')}</th>
                </tr>
              </thead>
              <tbody>
                {r.measures.map((m, i) => (
                  <tr key={i}>
                    <td>{t(`measure.${m.type}`, { defaultValue: m.type })}</td>
                    <td dir="auto">{m.description}</td>
                    <td dir="auto">{m.link_to_facts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="concerned-h">
        <h2 id="concerned-h">{t('requests.sectionConcerned')}</h2>
        {r.person_ids.length === 0 && r.identifiers.length === 0 && <p className="empty">—</p>}
        {r.person_ids.length > 0 && (
          <ul className="plain-list" id="request-persons">
            {r.person_ids.map((pid, i) => {
              const p = persons.data?.[i];
              return (
                <li key={pid}>
                  {p ? (
                    <Link href={`/persons/${encodeURIComponent(pid)}`}>
                      <PersonNames names={p.names} />
                    </Link>
                  ) : (
                    <>
                      <bdi dir="ltr">{pid}</bdi> <span className="muted">{issuer ? '' : t('requests.personNotShared')}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {r.identifiers.length > 0 && (
          <ul className="plain-list">
            {r.identifiers.map((it, i) => (
              <li key={i}>
                {t(`identType.${it.type}`, { defaultValue: it.type })}: <bdi dir="ltr">{it.value}</bdi>
              </li>
            ))}
          </ul>
        )}
      </section>

      {extending && (
        <ExtendDeadlineDialog
          deadline={extending}
          busy={busy}
          error={extendError}
          onConfirm={(reason) => void extend(extending.kind, reason)}
          onCancel={() => {
            setExtending(null);
            setExtendError(null);
          }}
        />
      )}
      {pending && (
        <ConfirmDialog
          id="step-dialog"
          title={t('requests.confirmTitle', { step: t(`requestStep.${pending}`, { defaultValue: pending }) })}
          confirmLabel={t(`requestStep.${pending}`, { defaultValue: pending })}
          onConfirm={() => void step(pending)}
          onCancel={() => setPending(null)}
          busy={busy}
          danger
        >
          <p>{t(`requestConfirm.${pending}`, { defaultValue: t('requestConfirm.closed') })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
