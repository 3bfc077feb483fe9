import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { WRITER_ROLES, type Page, type Person, type PersonHit } from '../api/types';
import { ErrorBox, Loading, PageTitle, Pager, PersonNames, useCursorPages, useLoad } from '../components/common';
import { ExplanationTable } from '../components/links';
import { countryName, formatList, formatPartialDate, formatPercent } from '../format';
import { Link, navigate, useSearch } from '../router';
import { useApp } from '../state';

export function PersonsList() {
  const { t, i18n } = useTranslation();
  const { user, purpose } = useApp();
  const search = useSearch();
  const name = new URLSearchParams(search).get('name') ?? '';
  const [query, setQuery] = useState(name);
  const pages = useCursorPages();
  // A search is ranked and has one page; the plain list pages in registration order.
  const list = useLoad<Page<Person | PersonHit>>(
    () => (name ? api.searchPersons(name, 50) : api.listPersons(pages.cursor)),
    [name, pages.cursor, purpose?.purpose],
  );
  const writer = !!user && WRITER_ROLES.includes(user.role);
  const lang = i18n.language;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    pages.reset();
    const params = new URLSearchParams(window.location.search);
    if (query.trim()) params.set('name', query.trim());
    else params.delete('name');
    const qs = params.toString();
    navigate(`/persons${qs ? `?${qs}` : ''}`, true);
  };

  return (
    <div>
      <PageTitle
        actions={
          writer && (
            <Link href="/persons/new" className="btn btn-primary" id="new-person">
              {t('persons.new')}
            </Link>
          )
        }
      >
        {t('persons.title')}
      </PageTitle>
      <form className="search-form" role="search" onSubmit={submit}>
        <label htmlFor="person-search">{t('persons.searchLabel')}</label>
        <input
          id="person-search"
          type="search"
          dir="auto"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="person-search-hint"
        />
        <button type="submit" className="btn btn-primary" id="person-search-submit">
          {t('common.search')}
        </button>
        <span id="person-search-hint" className="hint">
          {t('persons.searchHint')}
        </span>
      </form>
      <ErrorBox error={list.error} />
      {list.loading && <Loading />}
      {list.data && list.data.items.length === 0 && (
        <p className="empty" id="persons-empty" role="status">
          {name ? t('persons.noMatch', { name }) : t('persons.empty')}
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data" id="persons-table">
            <caption className="visually-hidden">{t('persons.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.names.full')}</th>
                <th scope="col">{t('fields.birth_date')}</th>
                <th scope="col">{t('fields.sex')}</th>
                <th scope="col">{t('fields.nationalities')}</th>
                {name && <th scope="col">{t('persons.resemblance')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/persons/${encodeURIComponent(p.id)}`} className="row-link">
                      <PersonNames names={p.names} />
                    </Link>
                  </td>
                  <td>{formatPartialDate(p.birth_date, lang)}</td>
                  <td>{t(`sex.${p.sex}`, { defaultValue: p.sex })}</td>
                  <td>{formatList(p.nationalities.map((c) => countryName(c, lang)), lang)}</td>
                  {name && 'match' in p && (
                    <td className="resemblance">
                      <span className={`band band-${p.match.decision}`}>
                        <bdi>{formatPercent(p.match.probability, lang)}</bdi>{' '}
                        {t(`decision.${p.match.decision}`, { defaultValue: p.match.decision })}
                      </span>
                      <details className="why">
                        <summary>{t('persons.why')}</summary>
                        <ExplanationTable features={p.match.explanation} id={`explanation-${p.id}`} />
                      </details>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && !name && (
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
