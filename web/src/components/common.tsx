// Small building blocks shared by the screens.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { PersonName, Problem } from '../api/types';
import { translateProblem } from '../i18n/problems';

export function toProblem(e: unknown): Problem {
  if (e instanceof ApiError) return e.problem;
  return { status: 0, code: 'client.unexpected', detail: e instanceof Error ? e.message : String(e) };
}

// A translated error: message from the problem code, the field concerned, and (for unknown codes
// only) the server's English detail.
export function ErrorBox({ error, id }: { error: unknown; id?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = toProblem(error);
  const text = translateProblem(i18n, problem);
  return (
    <div className="alert alert-error" role="alert" id={id} data-code={problem.code}>
      <strong>{text.message}</strong>
      {text.field && (
        <span className="alert-field">
          {' '}
          {t('errors.fieldConcerned', { field: text.field })}
        </span>
      )}
      {text.detail && (
        <div className="alert-detail">
          {t('errors.serverSaid')}{' '}
          <span lang="en" dir="ltr">
            {text.detail}
          </span>
        </div>
      )}
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: ReactNode; kind?: 'info' | 'success' }) {
  return (
    <div className={`alert alert-${kind}`} role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('common.loading')}
    </p>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  set(data: T): void;
}

export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    fnRef.current().then(
      (d) => {
        if (!live) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, set: setData };
}

// A name shown exactly as entered, in its own script and direction.
export function NameText({ name }: { name: PersonName }) {
  const lang = name.lang || (name.script === 'Arab' ? 'ar' : undefined);
  return (
    <bdi dir="auto" lang={lang} className={name.script === 'Arab' ? 'name name-arab' : 'name'}>
      {name.full}
    </bdi>
  );
}

// The primary name first, then the other names (aliases, kunya, transliterations) beside it.
export function PersonNames({ names }: { names: PersonName[] }) {
  const { t } = useTranslation();
  if (!names.length) return null;
  const primary = names.find((n) => (n.kind ?? 'primary') === 'primary') ?? names[0];
  const others = names.filter((n) => n !== primary);
  return (
    <span className="person-names">
      <NameText name={primary} />
      {others.length > 0 && (
        <span className="other-names">
          {others.map((n, i) => (
            <span key={i} className="other-name">
              <span className="name-kind">{t(`nameKind.${n.kind ?? 'alias'}`, { defaultValue: n.kind })}</span>{' '}
              <NameText name={n} />
            </span>
          ))}
        </span>
      )}
    </span>
  );
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-title">
      <h1 id="page-heading" tabIndex={-1}>
        {children}
      </h1>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

// Field with its label, hint and inline error, wired for assistive technologies.
export function Field({
  id, label, hint, error, children, required,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {required && <span className="visually-hidden"> ({t('common.required')})</span>}
      </label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {children}
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

// aria attributes for an input rendered inside <Field>.
export function describe(id: string, hint: boolean, error: string | null | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

export function Pager({
  hasPrevious, hasNext, onPrevious, onNext,
}: { hasPrevious: boolean; hasNext: boolean; onPrevious(): void; onNext(): void }) {
  const { t } = useTranslation();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <button type="button" className="btn" onClick={onPrevious} disabled={!hasPrevious}>
        {t('common.previous')}
      </button>
      <button type="button" className="btn" onClick={onNext} disabled={!hasNext}>
        {t('common.next')}
      </button>
    </nav>
  );
}

// Cursor pagination: a stack of cursors so "previous" works with opaque server cursors.
export function useCursorPages() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const cursor = stack[stack.length - 1];
  return {
    cursor,
    page: stack.length,
    hasPrevious: stack.length > 1,
    next(c: string) {
      setStack((s) => [...s, c]);
    },
    previous() {
      setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
    },
    reset() {
      setStack([null]);
    },
  };
}
