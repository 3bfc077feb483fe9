import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorBox, Loading, PageTitle, Pager, useCursorPages, useLoad } from '../components/common';
import { countryName, formatDateTime, formatNumber } from '../format';

const AuditChart = lazy(() => import('../components/AuditChart'));

export function AuditView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pages = useCursorPages();
  const list = useLoad(() => api.audit(pages.cursor, 50), [pages.cursor]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of list.data?.items ?? []) m.set(e.operation, (m.get(e.operation) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }, [list.data]);
  return (
    <div>
      <PageTitle>{t('audit.title')}</PageTitle>
      <p className="lead">{t('audit.intro')}</p>
      <ErrorBox error={list.error} />
      {list.loading && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="empty">{t('audit.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <section className="panel" aria-labelledby="audit-chart-h">
            <h2 id="audit-chart-h">{t('audit.chartTitle')}</h2>
            <Suspense fallback={<Loading />}>
              <AuditChart counts={counts.map(([op, n]) => [t(`audit.ops.${op}`, { defaultValue: op }), n] as [string, number])} label={t('audit.events')} rtl={i18n.dir(lang) === 'rtl'} lang={lang} />
            </Suspense>
          </section>
          <div className="table-wrap">
            <table className="data data-compact" id="audit-table">
              <caption className="visually-hidden">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.seq')}</th>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.operation')}</th>
                  <th scope="col">{t('audit.object')}</th>
                  <th scope="col">{t('audit.purpose')}</th>
                  <th scope="col">{t('audit.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{formatNumber(e.seq, lang)}</td>
                    <td>{formatDateTime(e.at, lang)}</td>
                    <td>
                      {t(`roles.${e.actor.role}`, { defaultValue: e.actor.role })} · {countryName(e.actor.country, lang)}
                      <div className="muted">
                        <bdi dir="ltr">{e.actor.user_id}</bdi>
                      </div>
                    </td>
                    <td>
                      {t(`audit.ops.${e.operation}`, { defaultValue: e.operation })}
                    </td>
                    <td>
                      {t(`audit.objectType.${e.object_type}`, { defaultValue: e.object_type })}
                      <div className="muted">
                        <bdi dir="ltr">{e.object_id}</bdi>
                      </div>
                    </td>
                    <td>
                      <bdi dir="auto">{e.purpose}</bdi>
                      {e.case_reference && (
                        <div className="muted">
                          {t('purpose.caseReference')}: <bdi dir="auto">{e.case_reference}</bdi>
                        </div>
                      )}
                    </td>
                    <td>{t(`audit.outcomes.${e.outcome}`, { defaultValue: e.outcome })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            hasPrevious={pages.hasPrevious}
            hasNext={!!list.data.next_cursor}
            onPrevious={pages.previous}
            onNext={() => list.data?.next_cursor && pages.next(list.data.next_cursor)}
          />
        </>
      )}
    </div>
  );
}
