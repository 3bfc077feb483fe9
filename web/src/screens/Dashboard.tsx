import { useTranslation } from 'react-i18next';
import { READER_ROLES, WRITER_ROLES } from '../api/types';
import { PageTitle } from '../components/common';
import { formatTime } from '../format';
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
            <bdi>{user.authority}</bdi>
          </dd>
        </div>
        {expiresAt && (
          <div>
            <dt>{t('dashboard.session')}</dt>
            <dd>{t('dashboard.sessionIdle', { time: formatTime(expiresAt, i18n.language) })}</dd>
          </div>
        )}
      </dl>
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
