import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { WRITER_ROLES } from '../api/types';
import { ErrorBox, Loading, PageTitle, Pager, useCursorPages, useLoad } from '../components/common';
import { formatDateTime, formatPartialDate } from '../format';
import { Link } from '../router';
import { useApp } from '../state';

export function ProceedingsList() {
  const { t, i18n } = useTranslation();
  const { user, purpose } = useApp();
  const pages = useCursorPages();
  const list = useLoad(() => api.listProceedings(pages.cursor), [pages.cursor, purpose?.purpose]);
  const writer = !!user && WRITER_ROLES.includes(user.role);
  const lang = i18n.language;
  return (
    <div>
      <PageTitle
        actions={
          writer && (
            <Link href="/proceedings/new" className="btn btn-primary" id="new-proceeding">
              {t('proceedings.new')}
            </Link>
          )
        }
      >
        {t('proceedings.title')}
      </PageTitle>
      <ErrorBox error={list.error} />
      {list.loading && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="empty">{t('proceedings.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('proceedings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.national_reference')}</th>
                <th scope="col">{t('fields.stage')}</th>
                <th scope="col">{t('fields.offence_classes')}</th>
                <th scope="col">{t('fields.terrorism_type')}</th>
                <th scope="col">{t('fields.date_referred')}</th>
                <th scope="col">{t('common.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/proceedings/${encodeURIComponent(p.id)}`}>
                      <bdi dir="auto">{p.national_reference}</bdi>
                    </Link>
                  </td>
                  <td>
                    <span className={`badge stage-${p.stage}`}>{t(`stage.${p.stage}`, { defaultValue: p.stage })}</span>
                  </td>
                  <td>{p.offence_classes.map((c) => t(`offence.${c}`, { defaultValue: c })).join(', ')}</td>
                  <td>{p.terrorism_type ? t(`terrorism.${p.terrorism_type}`, { defaultValue: p.terrorism_type }) : ''}</td>
                  <td>{formatPartialDate(p.date_referred, lang)}</td>
                  <td>{formatDateTime(p.updated_at, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && (
        <Pager
          hasPrevious={pages.hasPrevious}
          hasNext={!!list.data.next_cursor}
          onPrevious={pages.previous}
          onNext={() => list.data?.next_cursor && pages.next(list.data.next_cursor)}
        />
      )}
    </div>
  );
}
