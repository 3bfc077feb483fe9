import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { READER_ROLES, WRITER_ROLES, type LinkStatus, type Page, type PersonLink } from '../api/types';
import { ErrorBox, Loading, PageTitle, useLoad } from '../components/common';
import { AuthorityName, LinksTable, useOwnPersonNames } from '../components/links';
import { DeskTable, deadlineKindLabel } from '../components/requests';
import { formatDateTime, formatNumber, formatTime } from '../format';
import { formatDue } from '../requests';
import { Link } from '../router';
import { useApp } from '../state';

export function Dashboard() {
  const { t, i18n } = useTranslation();
  const { user, expiresAt } = useApp();
  if (!user) return null;
  const writer = WRITER_ROLES.includes(user.role);
  const reader = READER_ROLES.includes(user.role);
  return (
    <div>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <p className="lead">{t('dashboard.welcome', { name: user.display_name || user.username })}</p>
      <dl className="facts">
        <div>
          <dt>{t('dashboard.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.country')}</dt>
          <dd>{t(`countries.${user.country}`, { defaultValue: user.country })}</dd>
        </div>
        <div>
          <dt>{t('dashboard.authority')}</dt>
          <dd>
            <AuthorityName id={user.authority} />
          </dd>
        </div>
        {expiresAt && (
          <div>
            <dt>{t('dashboard.session')}</dt>
            <dd>{t('dashboard.sessionIdle', { time: formatTime(expiresAt, i18n.language) })}</dd>
          </div>
        )}
      </dl>
      {reader && <DeskSection />}
      {reader && <NotificationsSection />}
      {reader && <LinksToVerify />}
      <h2>{t('dashboard.actions')}</h2>
      <ul className="cards">
        {reader && (
          <li className="card">
            <h3>
              <Link href="/proceedings">{t('nav.proceedings')}</Link>
            </h3>
            <p>{t('dashboard.proceedingsText')}</p>
            {writer && <Link href="/proceedings/new">{t('proceedings.new')}</Link>}
          </li>
        )}
        {reader && (
          <li className="card">
            <h3>
              <Link href="/persons">{t('nav.persons')}</Link>
            </h3>
            <p>{t('dashboard.personsText')}</p>
            {writer && <Link href="/persons/new">{t('persons.new')}</Link>}
          </li>
        )}
        {reader && (
          <li className="card">
            <h3>
              <Link href="/requests">{t('nav.requests')}</Link>
            </h3>
            <p>{t('dashboard.requestsText')}</p>
            <Link href="/statistics">{t('nav.statistics')}</Link>
          </li>
        )}
        {reader && (
          <li className="card">
            <h3>
              <Link href="/links">{t('nav.links')}</Link>
            </h3>
            <p>{t('dashboard.linksText')}</p>
          </li>
        )}
        {user.role === 'auditor' && (
          <li className="card">
            <h3>
              <Link href="/audit">{t('nav.audit')}</Link>
            </h3>
            <p>{t('dashboard.auditText')}</p>
          </li>
        )}
        {user.role === 'administrator' && (
          <li className="card">
            <h3>
              <Link href="/users">{t('nav.users')}</Link>
            </h3>
            <p>{t('dashboard.usersText')}</p>
          </li>
        )}
      </ul>
      {reader && <p className="note">{t('dashboard.purposeNote')}</p>}
    </div>
  );
}

const TO_VERIFY: LinkStatus[] = ['candidate', 'under_verification'];
const DASHBOARD_PAGE = 20;
const DASHBOARD_ROWS = 10;

// Links awaiting a decision: counts per status (first page only: "20 or more" beyond it) and the most
// recently changed ones. Reading links needs a purpose of consultation, like the register.
function LinksToVerify() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { purpose } = useApp();
  const pages = useLoad(
    () =>
      purpose
        ? Promise.all(TO_VERIFY.map((s) => api.listLinks(s, null, DASHBOARD_PAGE)))
        : Promise.resolve(null as Page<PersonLink>[] | null),
    [purpose?.purpose],
  );
  const recent = (pages.data ?? [])
    .flatMap((p) => p.items)
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
    .slice(0, DASHBOARD_ROWS);
  const names = useOwnPersonNames(pages.data ? recent : undefined, purpose?.purpose);
  return (
    <section aria-labelledby="dash-links-h" id="dashboard-links">
      <h2 id="dash-links-h">{t('dashboard.linksTitle')}</h2>
      {!purpose && <p className="note">{t('dashboard.linksNeedPurpose')}</p>}
      <ErrorBox error={pages.error} />
      {purpose && pages.loading && <Loading />}
      {pages.data && (
        <>
          <dl className="facts counts" id="dashboard-link-counts">
            {TO_VERIFY.map((s, i) => (
              <div key={s}>
                <dt>{t(`linkStatus.${s}`)}</dt>
                <dd className="count" data-status={s}>
                  <Link href={`/links?status=${s}`}>
                    {pages.data![i].next_cursor
                      ? t('dashboard.atLeast', { n: formatNumber(pages.data![i].items.length, lang) })
                      : formatNumber(pages.data![i].items.length, lang)}
                  </Link>
                </dd>
              </div>
            ))}
          </dl>
          <p className="lead">{t('dashboard.linksIntro')}</p>
          {recent.length === 0 ? (
            <p className="empty">{t('dashboard.linksNone')}</p>
          ) : (
            <LinksTable links={recent} names={names.data} id="dashboard-links-table" caption={t('dashboard.linksTitle')} />
          )}
          <p>
            <Link href="/links">{t('dashboard.linksAll')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

// The desk: requests with a deadline due soon, overdue ones, emergencies (each with a live countdown).
// Reading the desk is a consultation like the register: it needs the purpose.
function DeskSection() {
  const { t, i18n } = useTranslation();
  const { purpose } = useApp();
  const desk = useLoad(() => (purpose ? api.desk() : Promise.resolve(null)), [purpose?.purpose]);
  const lists = [
    { key: 'emergencies', entries: desk.data?.emergencies ?? [] },
    { key: 'overdue', entries: desk.data?.overdue ?? [] },
    { key: 'due_soon', entries: desk.data?.due_soon ?? [] },
  ] as const;
  return (
    <section aria-labelledby="dash-desk-h" id="dashboard-desk">
      <h2 id="dash-desk-h">{t('desk.title')}</h2>
      {!purpose && <p className="note">{t('desk.needPurpose')}</p>}
      <ErrorBox error={desk.error} />
      {purpose && desk.loading && <Loading />}
      {desk.data && (
        <>
          <dl className="facts counts" id="desk-counts">
            {lists.map((l) => (
              <div key={l.key} className={l.key !== 'due_soon' && l.entries.length ? 'count-alert' : undefined}>
                <dt>{t(`desk.${l.key}`)}</dt>
                <dd className="count" data-list={l.key}>
                  {formatNumber(l.entries.length, i18n.language)}
                </dd>
              </div>
            ))}
          </dl>
          {lists.map((l) =>
            l.entries.length ? (
              <div key={l.key} className="desk-list">
                <h3 id={`desk-${l.key}-h`}>{t(`desk.${l.key}`)}</h3>
                <DeskTable entries={l.entries} id={`desk-${l.key}`} caption={t(`desk.${l.key}`)} />
              </div>
            ) : null,
          )}
          {lists.every((l) => l.entries.length === 0) && <p className="empty" id="desk-empty">{t('desk.none')}</p>}
          <p>
            <Link href="/requests">{t('desk.allRequests')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

const NOTIFICATION_ROWS = 10;

// Reminders and escalations of the desk (the country's, newest first) and emergency alerts.
function NotificationsSection() {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const list = useLoad(() => api.notifications(null, 50), []);
  const items = (list.data?.items ?? []).slice().sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, NOTIFICATION_ROWS);
  return (
    <section aria-labelledby="dash-notif-h" id="dashboard-notifications">
      <h2 id="dash-notif-h">{t('notifications.title')}</h2>
      <ErrorBox error={list.error} />
      {list.loading && <Loading />}
      {list.data && items.length === 0 && <p className="empty" id="notifications-empty">{t('notifications.none')}</p>}
      {items.length > 0 && (
        <ul className="notifications" id="notifications-list">
          {items.map((n) => (
            <li key={n.id} className={`notification notification-${n.kind}`} data-kind={n.kind}>
              <span className={`badge notification-kind-${n.kind}`}>{t(`notifications.kind.${n.kind}`, { defaultValue: n.kind })}</span>{' '}
              <Link href={`/requests/${encodeURIComponent(n.request_id)}`}>
                {n.kind === 'escalation'
                  ? t('notifications.escalationText', {
                      deadline: deadlineKindLabel(t, n.deadline_kind),
                      level: n.level,
                      role: t(`notifications.role.${n.role}`, { defaultValue: n.role }),
                    })
                  : n.kind === 'emergency'
                    ? n.deadline_kind
                      ? t('notifications.emergencyText', { deadline: deadlineKindLabel(t, n.deadline_kind) })
                      : t('notifications.emergencyReceived')
                    : t('notifications.reminderText', { deadline: deadlineKindLabel(t, n.deadline_kind) })}
              </Link>
              <div className="muted">
                {n.deadline_kind && <>{t('notifications.due', { time: formatDue(n.due_at, l) })} · </>}
                <time dateTime={n.created_at}>{formatDateTime(n.created_at, l)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
