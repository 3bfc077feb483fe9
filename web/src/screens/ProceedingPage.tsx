import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { INVOLVEMENT_ROLES, WRITER_ROLES, type Involvement, type Person, type PersonHit } from '../api/types';
import { ErrorBox, Loading, PageTitle, PersonNames, useLoad } from '../components/common';
import { countryName, formatList, formatDateTime, formatPartialDate, formatPercent } from '../format';
import { LANGUAGE_NAMES, isLang } from '../i18n';
import { Link, navigate } from '../router';
import { useApp } from '../state';

function AddInvolvement({ proceedingId, onAdded }: { proceedingId: string; onAdded(): void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<(Person | PersonHit)[] | null>(null);
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<string>('suspect');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    setError(null);
    try {
      const text = query.trim();
      const page = text ? await api.searchPersons(text, 20) : await api.listPersons(null, 20);
      setResults(page.items);
      setPersonId(page.items[0]?.id ?? '');
    } catch (e) {
      setError(e);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!personId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      await api.addInvolvement(proceedingId, personId, role);
      setResults(null);
      setQuery('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={add} noValidate aria-labelledby="add-inv-h">
      <h3 id="add-inv-h">{t('involvements.add')}</h3>
      <ErrorBox error={error} />
      <div className="inline-fields">
        <div className="field">
          <label htmlFor="inv-search">{t('persons.searchLabel')}</label>
          <input
            id="inv-search"
            type="search"
            dir="auto"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
          />
        </div>
        <button type="button" className="btn" onClick={() => void search()} id="inv-search-submit">
          {t('common.search')}
        </button>
      </div>
      {results && results.length === 0 && <p className="empty">{t('persons.noMatch', { name: query })}</p>}
      {results && results.length > 0 && (
        <fieldset className="choices">
          <legend>{t('involvements.choosePerson')}</legend>
          {results.map((p) => (
            <label key={p.id} className="check">
              <input type="radio" name="person" value={p.id} checked={personId === p.id} onChange={() => setPersonId(p.id)} />{' '}
              <PersonNames names={p.names} /> <span className="muted">{formatPartialDate(p.birth_date, i18n.language)}</span>
              {'match' in p && (
                <>
                  {' '}
                  <span className={`band band-${p.match.decision}`}>
                    <bdi>{formatPercent(p.match.probability, i18n.language)}</bdi>
                  </span>
                </>
              )}
            </label>
          ))}
        </fieldset>
      )}
      {missing && (
        <p className="field-error" role="alert">
          {t('involvements.choosePersonFirst')}
        </p>
      )}
      <div className="inline-fields">
        <div className="field">
          <label htmlFor="inv-role">{t('involvements.role')}</label>
          <select id="inv-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {INVOLVEMENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`involvementRole.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy} id="inv-add">
          {t('involvements.addButton')}
        </button>
      </div>
    </form>
  );
}

export function ProceedingPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, purpose } = useApp();
  const proceeding = useLoad(() => api.getProceeding(id), [id, purpose?.purpose]);
  const involvements = useLoad(async () => {
    const inv = await api.proceedingInvolvements(id);
    const persons = await Promise.all(inv.items.map((i) => api.getPerson(i.person_id).catch(() => null as Person | null)));
    return inv.items.map((i, k) => ({ inv: i, person: persons[k] })) as { inv: Involvement; person: Person | null }[];
  }, [id, purpose?.purpose]);
  const [actionError, setActionError] = useState<unknown>(null);
  const writer = !!user && WRITER_ROLES.includes(user.role);

  if (proceeding.loading) return <Loading />;
  if (!proceeding.data) return <ErrorBox error={proceeding.error} />;
  const p = proceeding.data;

  const remove = async () => {
    if (!window.confirm(t('proceedings.confirmDelete'))) return;
    try {
      await api.deleteProceeding(p.id, p.version);
      navigate('/proceedings');
    } catch (e) {
      setActionError(e);
    }
  };
  const removeInvolvement = async (inv: Involvement) => {
    if (!window.confirm(t('involvements.confirmRemove'))) return;
    try {
      await api.deleteInvolvement(p.id, inv.id);
      involvements.reload();
    } catch (e) {
      setActionError(e);
    }
  };

  const list = (xs: string[], prefix: string) => (xs.length ? formatList(xs.map((x) => t(`${prefix}.${x}`, { defaultValue: x })), lang) : '—');
  return (
    <div>
      <PageTitle
        actions={
          writer && (
            <>
              <Link href={`/requests/new?proceeding=${encodeURIComponent(p.id)}`} className="btn btn-primary" id="new-request">
                {t('requests.new')}
              </Link>
              <Link href={`/proceedings/${encodeURIComponent(p.id)}/edit`} className="btn" id="edit-proceeding">
                {t('common.edit')}
              </Link>
              <button type="button" className="btn btn-danger" onClick={remove}>
                {t('common.delete')}
              </button>
            </>
          )
        }
      >
        {t('proceedings.one')} <bdi dir="auto">{p.national_reference}</bdi>
      </PageTitle>
      <ErrorBox error={actionError} />
      <dl className="facts">
        <div>
          <dt>{t('fields.stage')}</dt>
          <dd>
            <span className={`badge stage-${p.stage}`}>{t(`stage.${p.stage}`, { defaultValue: p.stage })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('fields.date_referred')}</dt>
          <dd>{p.date_referred ? formatPartialDate(p.date_referred, lang) : '—'}</dd>
        </div>
        <div>
          <dt>{t('fields.terrorism_type')}</dt>
          <dd>{p.terrorism_type ? t(`terrorism.${p.terrorism_type}`, { defaultValue: p.terrorism_type }) : '—'}</dd>
        </div>
        <div>
          <dt>{t('fields.offence_classes')}</dt>
          <dd>{list(p.offence_classes, 'offence')}</dd>
        </div>
        <div>
          <dt>{t('fields.crime_nexus')}</dt>
          <dd>{list(p.crime_nexus, 'nexus')}</dd>
        </div>
        <div>
          <dt>{t('fields.group_affiliations')}</dt>
          <dd>
            <bdi dir="auto">{p.group_affiliations.join(', ') || '—'}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('fields.legal_qualification.article')}</dt>
          <dd>
            <bdi dir="auto">{p.legal_qualification.article || '—'}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('fields.sharing_derogation')}</dt>
          <dd>{t(`derogation.${p.sharing_derogation}`, { defaultValue: p.sharing_derogation })}</dd>
        </div>
        <div>
          <dt>{t('common.owner')}</dt>
          <dd>
            {countryName(p.owner_country, lang)} · <bdi>{p.authority}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('common.updated')}</dt>
          <dd>
            {formatDateTime(p.updated_at, lang)} · {t('common.version', { n: p.version })}
          </dd>
        </div>
      </dl>
      {p.legal_qualification.text && (
        <section>
          <h2>{t('fields.legal_qualification.text')}</h2>
          <p dir="auto" className="prose">
            {p.legal_qualification.text}
          </p>
        </section>
      )}
      {p.summary.text && (
        <section>
          <h2>
            {t('fields.summary.text')}{' '}
            <span className="muted">({isLang(p.summary.lang) ? LANGUAGE_NAMES[p.summary.lang] : p.summary.lang})</span>
          </h2>
          <p dir="auto" lang={p.summary.lang} className="prose">
            {p.summary.text}
          </p>
        </section>
      )}
      <section aria-labelledby="inv-h">
        <h2 id="inv-h">{t('involvements.persons')}</h2>
        <ErrorBox error={involvements.error} />
        {involvements.loading && <Loading />}
        {involvements.data && involvements.data.length === 0 && <p className="empty">{t('involvements.nonePersons')}</p>}
        {involvements.data && involvements.data.length > 0 && (
          <table className="data" id="involvements-table">
            <thead>
              <tr>
                <th scope="col">{t('fields.names.full')}</th>
                <th scope="col">{t('fields.birth_date')}</th>
                <th scope="col">{t('involvements.role')}</th>
                {writer && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {involvements.data.map(({ inv, person }) => (
                <tr key={inv.id}>
                  <td>
                    <Link href={`/persons/${encodeURIComponent(inv.person_id)}`}>
                      {person ? <PersonNames names={person.names} /> : inv.person_id}
                    </Link>
                  </td>
                  <td>{person ? formatPartialDate(person.birth_date, lang) : ''}</td>
                  <td>{t(`involvementRole.${inv.role}`, { defaultValue: inv.role })}</td>
                  {writer && (
                    <td>
                      <button type="button" className="btn btn-link" onClick={() => void removeInvolvement(inv)}>
                        {t('common.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {writer && <AddInvolvement proceedingId={p.id} onAdded={involvements.reload} />}
      </section>
    </div>
  );
}
