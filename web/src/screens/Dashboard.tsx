import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { READER_ROLES, WRITER_ROLES, type LinkStatus, type Page, type PersonLink } from '../api/types';
import { ErrorBox, Loading, PageTitle, useLoad } from '../components/common';
import { AuthorityName, LinksTable, useOwnPersonNames } from '../components/links';
import { formatNumber, formatTime } from '../format';
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
