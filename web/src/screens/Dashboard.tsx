import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api/client';
import {
  READER_ROLES, WRITER_ROLES, type DeskNotification, type Duty, type LinkStatus, type Page, type PersonLink,
} from '../api/types';
import { ErrorBox, Loading, PageTitle, useLoad, type Loaded } from '../components/common';
import { AuthorityName, LinksTable, useOwnPersonNames } from '../components/links';
import { Countdown, DeskTable, deadlineKindLabel } from '../components/requests';
import { addressedToMe, addresseeOf, isCurrentEmergency, needsRosterToExplain, type Addressee } from '../duties';
import { formatDateTime, formatNumber, formatTime } from '../format';
import { formatDue } from '../requests';
import { Link } from '../router';
import { useApp } from '../state';

// The latest hundred, newest first: enough for the ten shown and for the emergencies addressed to the
// user (they stay on top for a day after their deadline).
const NOTIFICATION_PAGE = 100;

async function loadNotifications(): Promise<DeskNotification[]> {
  const page: Page<DeskNotification> = await api.notifications(null, NOTIFICATION_PAGE, 'newest');
  return page.items;
}

export function Dashboard() {
  const { t, i18n } = useTranslation();
  const { user, expiresAt } = useApp();
  const reader = !!user && READER_ROLES.includes(user.role);
  const notes = useLoad(() => (reader ? loadNotifications() : Promise.resolve([] as DeskNotification[])), [reader]);
  // The roster tells whether a notification addressed to me came because I was on duty; it is read only
  // for one addressed to me that does not say why itself (stored before the server kept the reason).
  const needRoster = !!user && (notes.data ?? []).some((n) => needsRosterToExplain(n, user.id));
  const roster = useLoad(
    () => (needRoster ? api.duties().then((d) => d.items) : Promise.resolve(null as Duty[] | null)),
    [needRoster],
  );
  if (!user) return null;
  const writer = WRITER_ROLES.includes(user.role);
  return (
    <div>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      {reader && notes.data && <EmergenciesForMe notes={notes.data} meId={user.id} duties={roster.data} />}
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
      {reader && <NotificationsSection list={notes} meId={user.id} duties={roster.data} />}
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
        <li className="card">
          <h3>
            <Link href="/duties">{t('nav.duties')}</Link>
          </h3>
          <p>{t('dashboard.dutiesText')}</p>
        </li>
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

// "Addressed to you — you are on call", "… to the desk": whom a notification names, for emergencies and
// escalations (reminders always go to the whole desk).
export function addresseeText(t: TFunction, n: DeskNotification, who: Addressee): string {
  if (who === 'onDuty') return t(n.kind === 'escalation' && n.role === 'head_of_office' ? 'notifications.addressed.youHead' : 'notifications.addressed.youOnCall');
  return t(`notifications.addressed.${who}`);
}

function notificationText(t: TFunction, n: DeskNotification, lang: string): string {
  if (n.kind === 'extension') {
    return t('notifications.extensionText', { deadline: deadlineKindLabel(t, n.deadline_kind), time: formatDue(n.due_at, lang) });
  }
  if (n.kind === 'escalation') {
    return t('notifications.escalationText', {
      deadline: deadlineKindLabel(t, n.deadline_kind),
      level: n.level,
      role: t(`notifications.role.${n.role}`, { defaultValue: n.role }),
    });
  }
  if (n.kind === 'emergency_follow_up') return t('notifications.emergencyFollowUp');
  if (n.kind === 'emergency') {
    return n.deadline_kind
      ? t('notifications.emergencyText', { deadline: deadlineKindLabel(t, n.deadline_kind) })
      : t('notifications.emergencyReceived');
  }
  return t('notifications.reminderText', { deadline: deadlineKindLabel(t, n.deadline_kind) });
}

// Emergencies addressed to me by name, on top of the desk until a day after their deadline.
function EmergenciesForMe({ notes, meId, duties }: { notes: DeskNotification[]; meId: string; duties?: Duty[] | null }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const now = Date.now();
  const mine = notes.filter((n) => isCurrentEmergency(n, now) && addressedToMe(n, meId));
  // One alert per request (an emergency is announced once per executing country anyway).
  const seen = new Set<string>();
  const alerts = mine.filter((n) => !seen.has(n.request_id) && seen.add(n.request_id));
  if (!alerts.length) return null;
  return (
    <section className="emergency-alerts" id="emergency-alerts" aria-labelledby="emergency-alerts-h" role="alert">
      <h2 id="emergency-alerts-h" className="visually-hidden">
        {t('notifications.emergencyForYou')}
      </h2>
      <ul className="plain-list">
        {alerts.map((n) => {
          const who = addresseeOf(n, meId, duties);
          return (
            <li key={n.id} className="emergency-alert" data-request-id={n.request_id} data-addressee={who}>
              <strong className="emergency-alert-title">
                <span className="badge urgency-emergency">{t('notifications.kind.emergency')}</span>{' '}
                {addresseeText(t, n, who)}
              </strong>
              <div>
                <Link href={`/requests/${encodeURIComponent(n.request_id)}`} className="emergency-alert-link">
                  {notificationText(t, n, l)}
                </Link>
              </div>
              <div className="emergency-alert-meta">
                {n.deadline_kind && (
                  <>
                    {t('notifications.due', { time: formatDue(n.due_at, l) })} · <Countdown dueAt={n.due_at} /> ·{' '}
                  </>
                )}
                {t('notifications.sentAt', { time: formatDateTime(n.created_at, l) })}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// Reminders and escalations of the desk (the country's, newest first), emergency alerts and deadlines the
// other country extended (with the new due date), each with the people it is addressed to.
function NotificationsSection({
  list, meId, duties,
}: { list: Loaded<DeskNotification[]>; meId: string; duties?: Duty[] | null }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const items = (list.data ?? []).slice(0, NOTIFICATION_ROWS);
  return (
    <section aria-labelledby="dash-notif-h" id="dashboard-notifications">
      <h2 id="dash-notif-h">{t('notifications.title')}</h2>
      <ErrorBox error={list.error} />
      {list.loading && <Loading />}
      {list.data && items.length === 0 && <p className="empty" id="notifications-empty">{t('notifications.none')}</p>}
      {items.length > 0 && (
        <ul className="notifications" id="notifications-list">
          {items.map((n) => {
            const who = n.kind === 'reminder' ? null : addresseeOf(n, meId, duties);
            const mine = who === 'onDuty' || who === 'everyone' || who === 'you';
            return (
              <li
                key={n.id}
                className={`notification notification-${n.kind}${mine ? ' notification-mine' : ''}`}
                data-kind={n.kind}
                data-addressee={who ?? undefined}
              >
                <span className={`badge notification-kind-${n.kind}`}>{t(`notifications.kind.${n.kind}`, { defaultValue: n.kind })}</span>{' '}
                <Link href={`/requests/${encodeURIComponent(n.request_id)}`}>{notificationText(t, n, l)}</Link>
                {who && (
                  <div className={mine ? 'notification-to notification-to-me' : 'notification-to'}>{addresseeText(t, n, who)}</div>
                )}
                <div className="muted">
                  {n.deadline_kind && n.kind !== 'extension' && <>{t('notifications.due', { time: formatDue(n.due_at, l) })} · </>}
                  <time dateTime={n.created_at}>{formatDateTime(n.created_at, l)}</time>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
