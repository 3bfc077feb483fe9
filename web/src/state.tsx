// Application state shared by the screens: who is logged in and the purpose of the consultation.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, type Purpose } from './api/client';
import type { User } from './api/types';

const PURPOSE_KEY = 'taawun.purpose';

export function loadPurpose(): Purpose | null {
  try {
    const raw = window.sessionStorage.getItem(PURPOSE_KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<Purpose>;
    if (typeof p.purpose !== 'string' || !p.purpose.trim()) return null;
    return { purpose: p.purpose, caseReference: typeof p.caseReference === 'string' ? p.caseReference : '' };
  } catch {
    return null;
  }
}

export function savePurpose(p: Purpose | null): void {
  try {
    if (p) window.sessionStorage.setItem(PURPOSE_KEY, JSON.stringify(p));
    else window.sessionStorage.removeItem(PURPOSE_KEY);
  } catch {
    /* storage unavailable: the purpose lives in memory only */
  }
}

export type SessionNotice = 'expired' | 'loggedOut' | null;

interface AppState {
  user: User | null;
  expiresAt: string | null;
  purpose: Purpose | null;
  notice: SessionNotice;
  setPurpose(p: Purpose | null): void;
  signedIn(user: User, expiresAt: string): void;
  signedOut(notice: SessionNotice): void;
  touch(expiresAt: string): void;
}

const Ctx = createContext<AppState | null>(null);

export function AppStateProvider({ children, initialUser = null }: { children: ReactNode; initialUser?: User | null }) {
  const [user, setUser] = useState<User | null>(initialUser);
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const [purpose, setPurposeState] = useState<Purpose | null>(() => loadPurpose());
  const [notice, setNotice] = useState<SessionNotice>(null);

  const setPurpose = useCallback((p: Purpose | null) => {
    savePurpose(p);
    setPurposeState(p);
  }, []);

  const signedIn = useCallback((u: User, exp: string) => {
    setUser(u);
    setExpiresAt(exp);
    setNotice(null);
  }, []);

  const signedOut = useCallback((n: SessionNotice) => {
    setUser(null);
    setExpiresAt(null);
    setNotice(n);
    savePurpose(null);
    setPurposeState(null);
  }, []);

  // The API client reads the purpose at call time and reports expired sessions here.
  api.purpose = () => loadPurpose();
  api.onUnauthenticated = () => signedOut('expired');

  const value = useMemo(
    () => ({ user, expiresAt, purpose, notice, setPurpose, signedIn, signedOut, touch: setExpiresAt }),
    [user, expiresAt, purpose, notice, setPurpose, signedIn, signedOut],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppStateProvider');
  return v;
}
