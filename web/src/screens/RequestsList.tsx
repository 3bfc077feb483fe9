// The request desk: outgoing (issued by my country) and incoming (addressed to it) requests,
// filtered by status (?box=outgoing|incoming&status= in the address).
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { REQUEST_STATES } from '../api/types';
import { ErrorBox, Loading, PageTitle, Pager, useCursorPages, useLoad } from '../components/common';
import { RequestsTable } from '../components/requests';
import { Link, navigate, useSearch } from '../router';
import { useApp } from '../state';

type Box = 'outgoing' | 'incoming';

function parse(search: string): { box: Box; status: string } {
  const q = new URLSearchParams(search);
  const box = q.get('box') === 'incoming' ? 'incoming' : 'outgoing';
  const s = q.get('status') ?? '';
  return { box, status: (REQUEST_STATES as readonly string[]).includes(s) ? s : '' };
}

function href(box: Box, status: string) {
  return `/requests?box=${box}${status ? `&status=${encodeURIComponent(status)}` : ''}`;
}

export function RequestsList() {
  const { t } = useTranslation();
  const { purpose } = useApp();
  const { box, status } = parse(useSearch());
  const pages = useCursorPages();
  const list = useLoad(() => api.listRequests(box, status, pages.cursor), [box, status, pages.cursor, purpose?.purpose]);

  const go = (b: Box, s: string) => {
    pages.reset();
    navigate(href(b, s), true);
  };

  return (
    <div>
      <PageTitle>{t('requests.title')}</PageTitle>
      <p className="lead">{t('requests.intro')}</p>
      <nav className="tabs" aria-label={t('requests.boxes')}>
        {(['outgoing', 'incoming'] as Box[]).map((b) => (
          <Link
            key={b}
            href={href(b, status)}
            id={`box-${b}`}
            className={b === box ? 'tab tab-current' : 'tab'}
            aria-current={b === box ? 'page' : undefined}
            onClick={() => pages.reset()}
          >
            {t(`requests.${b}`)}
          </Link>
        ))}
      </nav>
      <div className="search-form">
        <label htmlFor="requests-status-filter">{t('requests.status')}</label>
        <select id="requests-status-filter" value={status} onChange={(e) => go(box, e.target.value)}>
          <option value="">{t('requests.allStatuses')}</option>
          {REQUEST_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`requestState.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorBox error={list.error} />
      {list.loading && <Loading />}
      {list.data && list.data.items.length === 0 && (
        <p className="empty" id="requests-empty" role="status">
          {box === 'outgoing' ? t('requests.emptyOutgoing') : t('requests.emptyIncoming')}
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <RequestsTable requests={list.data.items} caption={t(`requests.${box}`)} />
      )}
      {box === 'outgoing' && <p className="note">{t('requests.createHint')}</p>}
      <Pager
        hasPrevious={pages.hasPrevious}
        hasNext={!!list.data?.next_cursor}
        onPrevious={pages.previous}
        onNext={() => list.data?.next_cursor && pages.next(list.data.next_cursor)}
      />
    </div>
  );
}
