import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LINK_STATUSES, type LinkStatus } from '../api/types';
import { ErrorBox, Loading, PageTitle, Pager, useCursorPages, useLoad } from '../components/common';
import { LinksTable, useOwnPersonNames } from '../components/links';
import { navigate, useSearch } from '../router';
import { useApp } from '../state';

function statusOf(search: string): LinkStatus | '' {
  const s = new URLSearchParams(search).get('status') ?? '';
  return (LINK_STATUSES as string[]).includes(s) ? (s as LinkStatus) : '';
}

// Cross-border links of the caller's country, filtered by status (?status= in the address).
export function LinksList() {
  const { t } = useTranslation();
  const { purpose } = useApp();
  const status = statusOf(useSearch());
  const pages = useCursorPages();
  const list = useLoad(() => api.listLinks(status, pages.cursor), [status, pages.cursor, purpose?.purpose]);
  const names = useOwnPersonNames(list.data?.items, purpose?.purpose);

  const choose = (value: string) => {
    pages.reset();
    navigate(value ? `/links?status=${encodeURIComponent(value)}` : '/links', true);
  };

  return (
    <div>
      <PageTitle>{t('links.title')}</PageTitle>
      <p className="lead">{t('links.intro')}</p>
      <div className="search-form">
        <label htmlFor="links-status-filter">{t('links.filter')}</label>
        <select id="links-status-filter" value={status} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('links.allStatuses')}</option>
          {LINK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`linkStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorBox error={list.error} />
      {list.loading && <Loading />}
      {list.data && list.data.items.length === 0 && (
        <p className="empty" id="links-empty" role="status">
          {status ? t('links.emptyStatus') : t('links.empty')}
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <LinksTable links={list.data.items} names={names.data} caption={t('links.title')} />
      )}
      <Pager
        hasPrevious={pages.hasPrevious}
        hasNext={!!list.data?.next_cursor}
        onPrevious={pages.previous}
        onNext={() => list.data?.next_cursor && pages.next(list.data.next_cursor)}
      />
    </div>
  );
}
