// Statistics of the desk: turnaround (median and 90th percentile, in days) per country pair and
// channel, share of deadlines met, requests by status, and the cross-border links found. Each chart
// has its figures in a table too (screen readers, printing).
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LINK_STATUSES, type LinkStatus, type PersonLink } from '../api/types';
import { ErrorBox, Loading, PageTitle, useLoad } from '../components/common';
import { countryName, formatNumber, formatPercent } from '../format';
import { INTL_LOCALES, directionOf, isLang } from '../i18n';
import { useApp } from '../state';

const BarChart = lazy(() => import('../components/StatsCharts').then((m) => ({ default: m.BarChart })));
const ShareChart = lazy(() => import('../components/StatsCharts').then((m) => ({ default: m.ShareChart })));

const LINK_PAGES = 10; // at most 10 pages of 100 per status: "1000 or more" beyond

export interface LinkCounts {
  byStatus: Record<LinkStatus, number>;
  byCountry: Record<string, number>;
  truncated: boolean;
}

// Counts the caller's links by status and by the other country, paging through /links.
export async function countLinks(): Promise<LinkCounts> {
  const byStatus = Object.fromEntries(LINK_STATUSES.map((s) => [s, 0])) as Record<LinkStatus, number>;
  const byCountry: Record<string, number> = {};
  let truncated = false;
  for (const status of LINK_STATUSES) {
    let cursor: string | null | undefined = null;
    for (let page = 0; page < LINK_PAGES; page++) {
      const res: { items: PersonLink[]; next_cursor?: string | null } = await api.listLinks(status, cursor, 100);
      byStatus[status] += res.items.length;
      for (const l of res.items) byCountry[l.counterpart.country] = (byCountry[l.counterpart.country] ?? 0) + 1;
      cursor = res.next_cursor;
      if (!cursor) break;
      if (page === LINK_PAGES - 1) truncated = true;
    }
  }
  return { byStatus, byCountry, truncated };
}

function fmtDays(n: number, lang: string) {
  return new Intl.NumberFormat(isLang(lang) ? INTL_LOCALES[lang] : lang, { maximumFractionDigits: 1 }).format(n);
}

export function Statistics() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rtl = directionOf(lang) === 'rtl';
  const { purpose } = useApp();
  const stats = useLoad(() => api.requestStatistics(), []);
  const links = useLoad(() => (purpose ? countLinks() : Promise.resolve(null)), [purpose?.purpose]);
  const s = stats.data;
  const pair = (a: string, b: string) => `${countryName(a, lang)} → ${countryName(b, lang)}`;
  const statuses = s ? Object.entries(s.by_status).sort((a, b) => b[1] - a[1]) : [];
  const total = statuses.reduce((n, [, c]) => n + c, 0);

  return (
    <div className="statistics">
      <PageTitle>{t('stats.title')}</PageTitle>
      <p className="lead">{t('stats.intro')}</p>
      <ErrorBox error={stats.error} />
      {stats.loading && <Loading />}
      {s && (
        <>
          <dl className="facts counts" id="stats-figures">
            <div>
              <dt>{t('stats.requests')}</dt>
              <dd className="count">{formatNumber(total, lang)}</dd>
            </div>
            <div>
              <dt>{t('stats.deadlinesDue')}</dt>
              <dd className="count">{formatNumber(s.deadlines_due, lang)}</dd>
            </div>
            <div>
              <dt>{t('stats.deadlinesMet')}</dt>
              <dd className="count">{formatNumber(s.deadlines_met_in_time, lang)}</dd>
            </div>
            <div>
              <dt>{t('stats.shareMet')}</dt>
              <dd className="count" id="stats-share-met">
                {s.share_met === null ? '—' : formatPercent(s.share_met, lang)}
              </dd>
            </div>
          </dl>

          <div className="stats-grid">
            <section aria-labelledby="turnaround-h" className="panel">
              <h2 id="turnaround-h">{t('stats.turnaround')}</h2>
              <p className="hint">{t('stats.turnaroundHint')}</p>
              {s.turnaround.length === 0 ? (
                <p className="empty" id="turnaround-empty">{t('stats.noTurnaround')}</p>
              ) : (
                <>
                  <Suspense fallback={<Loading />}>
                    <BarChart
                      id="chart-turnaround"
                      title={t('stats.turnaround')}
                      labels={s.turnaround.map((x) => `${pair(x.issuing_country, x.executing_country)} · ${t(`channelShort.${x.channel}`, { defaultValue: x.channel })}`)}
                      series={[
                        { label: t('stats.median'), values: s.turnaround.map((x) => x.median_days) },
                        { label: t('stats.p90'), values: s.turnaround.map((x) => x.p90_days) },
                      ]}
                      rtl={rtl}
                      lang={lang}
                      horizontal
                    />
                  </Suspense>
                  <div className="table-wrap">
                    <table className="data data-compact" id="turnaround-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('stats.pair')}</th>
                          <th scope="col">{t('requests.channelCol')}</th>
                          <th scope="col">{t('stats.completed')}</th>
                          <th scope="col">{t('stats.median')}</th>
                          <th scope="col">{t('stats.p90')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.turnaround.map((x, i) => (
                          <tr key={i}>
                            <td>{pair(x.issuing_country, x.executing_country)}</td>
                            <td>{t(`channel.${x.channel}`, { defaultValue: x.channel })}</td>
                            <td className="num">{formatNumber(x.completed, lang)}</td>
                            <td className="num">{fmtDays(x.median_days, lang)}</td>
                            <td className="num">{fmtDays(x.p90_days, lang)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              )}
            </section>

            <section aria-labelledby="met-h" className="panel">
              <h2 id="met-h">{t('stats.deadlinesTitle')}</h2>
              <p className="hint">{t('stats.deadlinesHint')}</p>
              {s.deadlines_due === 0 ? (
                <p className="empty" id="deadlines-empty">{t('stats.noDeadlines')}</p>
              ) : (
                <Suspense fallback={<Loading />}>
                  <ShareChart
                    id="chart-deadlines"
                    title={t('stats.deadlinesTitle')}
                    met={s.deadlines_met_in_time}
                    late={s.deadlines_due - s.deadlines_met_in_time}
                    labels={[t('stats.metInTime'), t('stats.missed')]}
                    rtl={rtl}
                    lang={lang}
                  />
                </Suspense>
              )}
            </section>

            <section aria-labelledby="status-h" className="panel">
              <h2 id="status-h">{t('stats.byStatus')}</h2>
              {statuses.length === 0 ? (
                <p className="empty">{t('stats.noRequests')}</p>
              ) : (
                <>
                  <Suspense fallback={<Loading />}>
                    <BarChart
                      id="chart-status"
                      title={t('stats.byStatus')}
                      labels={statuses.map(([k]) => t(`requestState.${k}`, { defaultValue: k }))}
                      series={[{ label: t('stats.requests'), values: statuses.map(([, n]) => n) }]}
                      rtl={rtl}
                      lang={lang}
                      horizontal
                    />
                  </Suspense>
                  <table className="data data-compact" id="status-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('requests.status')}</th>
                        <th scope="col">{t('stats.requests')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {statuses.map(([k, n]) => (
                        <tr key={k}>
                          <td>{t(`requestState.${k}`, { defaultValue: k })}</td>
                          <td className="num">{formatNumber(n, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </section>

            <section aria-labelledby="links-found-h" className="panel">
              <h2 id="links-found-h">{t('stats.linksFound')}</h2>
              {!purpose && <p className="note">{t('stats.linksNeedPurpose')}</p>}
              <ErrorBox error={links.error} />
              {purpose && links.loading && <Loading />}
              {links.data && (
                <>
                  <Suspense fallback={<Loading />}>
                    <BarChart
                      id="chart-links"
                      title={t('stats.linksFound')}
                      labels={LINK_STATUSES.map((k) => t(`linkStatus.${k}`))}
                      series={[{ label: t('stats.links'), values: LINK_STATUSES.map((k) => links.data!.byStatus[k]) }]}
                      rtl={rtl}
                      lang={lang}
                    />
                  </Suspense>
                  <table className="data data-compact" id="links-found-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('links.otherSide')}</th>
                        <th scope="col">{t('stats.links')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.entries(links.data.byCountry).map(([c, n]) => (
                        <tr key={c}>
                          <td>{countryName(c, lang)}</td>
                          <td className="num">{formatNumber(n, lang)}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row">{t('stats.total')}</th>
                        <td className="num" id="links-found-total">
                          {formatNumber(Object.values(links.data.byStatus).reduce((a, b) => a + b, 0), lang)}
                          {links.data.truncated ? '+' : ''}
                        </td>
                      </tr>
                    </tbody>
                  </table>
                </>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
