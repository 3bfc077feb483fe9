import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api/client';
import { READER_ROLES, type Role } from './api/types';
import { Loading } from './components/common';
import { LanguageSwitch } from './components/LanguageSwitch';
import { PurposeBar, PurposeGate } from './components/PurposeBar';
import { Link, match, navigate, usePath } from './router';
import { AuditView } from './screens/AuditView';
import { Dashboard } from './screens/Dashboard';
import { DutyRoster } from './screens/DutyRoster';
import { LinkPage } from './screens/LinkPage';
import { LinksList } from './screens/LinksList';
import { Login } from './screens/Login';
import { FactorSetup } from './screens/FactorSetup';
import { StepUpDialogHost } from './components/SecondFactor';
import { PersonForm } from './screens/PersonForm';
import { PersonPage } from './screens/PersonPage';
import { PersonsList } from './screens/PersonsList';
import { ProceedingForm } from './screens/ProceedingForm';
import { ProceedingPage } from './screens/ProceedingPage';
import { ProceedingsList } from './screens/ProceedingsList';
import { RequestCreate, RequestEdit } from './screens/RequestForm';
import { RequestPage } from './screens/RequestPage';
import { RequestsList } from './screens/RequestsList';
import { Statistics } from './screens/Statistics';
import { UsersView } from './screens/UsersView';
import { useApp } from './state';
import { isLang, languageOfUser, setLanguage } from './i18n';

interface RouteDef {
  pattern: string;
  roles: Role[] | 'any';
  purpose?: boolean; // needs a purpose of consultation (reads personal data)
  render(params: Record<string, string>): ReactNode;
}

const ROUTES: RouteDef[] = [
  { pattern: '/', roles: 'any', render: () => <Dashboard /> },
  { pattern: '/proceedings', roles: READER_ROLES, purpose: true, render: () => <ProceedingsList /> },
  { pattern: '/proceedings/new', roles: ['prosecutor', 'liaison_magistrate'], render: () => <ProceedingForm /> },
  { pattern: '/proceedings/:id', roles: READER_ROLES, purpose: true, render: (p) => <ProceedingPage id={p.id} /> },
  {
    pattern: '/proceedings/:id/edit', roles: ['prosecutor', 'liaison_magistrate'], purpose: true,
    render: (p) => <ProceedingForm id={p.id} />,
  },
  { pattern: '/persons', roles: READER_ROLES, purpose: true, render: () => <PersonsList /> },
  { pattern: '/persons/new', roles: ['prosecutor', 'liaison_magistrate'], render: () => <PersonForm /> },
  { pattern: '/persons/:id', roles: READER_ROLES, purpose: true, render: (p) => <PersonPage id={p.id} /> },
  {
    pattern: '/persons/:id/edit', roles: ['prosecutor', 'liaison_magistrate'], purpose: true,
    render: (p) => <PersonForm id={p.id} />,
  },
  { pattern: '/links', roles: READER_ROLES, purpose: true, render: () => <LinksList /> },
  { pattern: '/links/:id', roles: READER_ROLES, purpose: true, render: (p) => <LinkPage id={p.id} /> },
  { pattern: '/requests', roles: READER_ROLES, purpose: true, render: () => <RequestsList /> },
  { pattern: '/requests/new', roles: ['prosecutor', 'liaison_magistrate'], purpose: true, render: () => <RequestCreate /> },
  { pattern: '/requests/:id', roles: READER_ROLES, purpose: true, render: (p) => <RequestPage id={p.id} /> },
  {
    pattern: '/requests/:id/edit', roles: ['prosecutor', 'liaison_magistrate'], purpose: true,
    render: (p) => <RequestEdit id={p.id} />,
  },
  { pattern: '/statistics', roles: READER_ROLES, render: () => <Statistics /> },
  { pattern: '/audit', roles: ['auditor'], render: () => <AuditView /> },
  { pattern: '/users', roles: ['administrator'], render: () => <UsersView /> },
  { pattern: '/duties', roles: 'any', render: () => <DutyRoster /> },
];

function NavItem({ href, children }: { href: string; children: ReactNode }) {
  const path = usePath();
  const current = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined} className={current ? 'current' : undefined}>
        {children}
      </Link>
    </li>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, signedOut } = useApp();
  if (!user) return null;
  const reader = READER_ROLES.includes(user.role);
  const logout = async () => {
    try {
      await api.logout();
    } catch {
      /* the session may already be gone */
    }
    signedOut('loggedOut');
    navigate('/', true);
  };
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="topbar-user">
          <span className="user-id" data-testid="current-user">
            <bdi>{user.display_name || user.username}</bdi>
            <span className="user-meta">
              {t(`roles.${user.role}`)} · {t(`countries.${user.country}`, { defaultValue: user.country })}
            </span>
          </span>
          <LanguageSwitch />
          <button type="button" className="btn" onClick={logout} id="logout">
            {t('nav.logout')}
          </button>
        </div>
      </header>
      {reader && <PurposeBar />}
      <div className="layout">
        <nav className="sidenav" aria-label={t('nav.label')}>
          <ul>
            <NavItem href="/">{t('nav.dashboard')}</NavItem>
            {reader && <NavItem href="/proceedings">{t('nav.proceedings')}</NavItem>}
            {reader && <NavItem href="/persons">{t('nav.persons')}</NavItem>}
            {reader && <NavItem href="/links">{t('nav.links')}</NavItem>}
            {reader && <NavItem href="/requests">{t('nav.requests')}</NavItem>}
            {reader && <NavItem href="/statistics">{t('nav.statistics')}</NavItem>}
            {user.role === 'auditor' && <NavItem href="/audit">{t('nav.audit')}</NavItem>}
            <NavItem href="/duties">{t('nav.duties')}</NavItem>
            {user.role === 'administrator' && <NavItem href="/users">{t('nav.users')}</NavItem>}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('errors.not_found')}</p>
      <Link href="/">{t('nav.dashboard')}</Link>
    </div>
  );
}

export function Routes() {
  const path = usePath();
  const { user } = useApp();
  const { t } = useTranslation();
  useEffect(() => {
    // Move focus to the new page's heading for screen readers and keyboard users.
    const h = document.getElementById('page-heading');
    if (h && document.activeElement === document.body) h.focus({ preventScroll: true });
  }, [path]);
  if (!user) return null;
  for (const r of ROUTES) {
    const params = match(r.pattern, path);
    if (!params) continue;
    if (r.roles !== 'any' && !r.roles.includes(user.role)) {
      return (
        <div className="alert alert-error" role="alert">
          {t('errors.auth.forbidden')}
        </div>
      );
    }
    const content = r.render(params);
    return r.purpose ? <PurposeGate>{content}</PurposeGate> : <>{content}</>;
  }
  return <NotFound />;
}

export function App() {
  const { user, signedIn } = useApp();
  const [checking, setChecking] = useState(true);
  useEffect(() => {
    let live = true;
    api.session().then(
      (s) => {
        if (live) signedIn(s.user, s.expires_at);
      },
      () => {},
    ).finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [signedIn]);

  // A user's remembered language applies at sign-in, unless the address asks for one.
  useEffect(() => {
    if (!user) return;
    const fromUrl = new URLSearchParams(window.location.search).get('lang');
    if (isLang(fromUrl)) return;
    const own = languageOfUser(user.username);
    if (own) void setLanguage(own, user.username);
  }, [user]);

  if (checking) return <Loading />;
  if (!user) return <Login />;
  // An account without a second factor enrols one before anything else (the server refuses the
  // rest: 403 auth.second_factor_enrolment_required).
  if (user.second_factor_enrolled === false && !user.password_change_required) return <FactorSetup />;
  return (
    <Shell>
      <Routes />
      <StepUpDialogHost />
    </Shell>
  );
}
