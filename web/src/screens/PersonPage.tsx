import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { WRITER_ROLES, type Involvement, type Proceeding } from '../api/types';
import { ErrorBox, Loading, NameText, PageTitle, useLoad } from '../components/common';
import { AuthorityName, LinksTable } from '../components/links';
import { countryName, formatList, formatDateTime, formatPartialDate } from '../format';
import { Link, navigate } from '../router';
import { useApp } from '../state';

export function PersonPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, purpose } = useApp();
  const person = useLoad(() => api.getPerson(id), [id, purpose?.purpose]);
  const involvements = useLoad(async () => {
    const inv = await api.personInvolvements(id);
    const proceedings = await Promise.all(
      inv.items.map((i) => api.getProceeding(i.proceeding_id).catch(() => null as Proceeding | null)),
    );
    return inv.items.map((i, k) => ({ inv: i, proceeding: proceedings[k] })) as {
      inv: Involvement;
      proceeding: Proceeding | null;
    }[];
  }, [id, purpose?.purpose]);
  const links = useLoad(() => api.personLinks(id), [id, purpose?.purpose]);
  const [actionError, setActionError] = useState<unknown>(null);
  const writer = !!user && WRITER_ROLES.includes(user.role);

  if (person.loading) return <Loading />;
  if (!person.data) return <ErrorBox error={person.error} />;
  const p = person.data;
  const primary = p.names.find((n) => n.kind === 'primary') ?? p.names[0];

  const remove = async () => {
    if (!window.confirm(t('persons.confirmDelete'))) return;
    try {
      await api.deletePerson(p.id, p.version);
      navigate('/persons');
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <div>
      <PageTitle
        actions={
          writer && (
            <>
              <Link href={`/persons/${encodeURIComponent(p.id)}/edit`} className="btn" id="edit-person">
                {t('common.edit')}
              </Link>
              <button type="button" className="btn btn-danger" onClick={remove}>
                {t('common.delete')}
              </button>
            </>
          )
        }
      >
        {primary ? <NameText name={primary} /> : t('persons.unnamed')}
      </PageTitle>
      <ErrorBox error={actionError} />
      <section aria-labelledby="names-h">
        <h2 id="names-h">{t('persons.names')}</h2>
        <div className="table-wrap">
          <table className="data" id="names-table">
            <thead>
              <tr>
                <th scope="col">{t('fields.names.full')}</th>
                <th scope="col">{t('fields.names.kind')}</th>
                <th scope="col">{t('fields.names.script')}</th>
                <th scope="col">{t('fields.names.given')}</th>
                <th scope="col">{t('fields.names.family')}</th>
                <th scope="col">{t('fields.names.patronymic')}</th>
                <th scope="col">{t('fields.names.tribal')}</th>
              </tr>
            </thead>
            <tbody>
              {p.names.map((n, i) => (
                <tr key={i}>
                  <td>
                    <NameText name={n} />
                  </td>
                  <td>{t(`nameKind.${n.kind ?? 'primary'}`, { defaultValue: n.kind })}</td>
                  <td>{t(`script.${n.script}`, { defaultValue: n.script ?? '' })}</td>
                  {(['given', 'family', 'patronymic', 'tribal'] as const).map((k) => (
                    <td key={k}>
                      <bdi dir="auto">{n[k]}</bdi>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="identity-h">
        <h2 id="identity-h">{t('persons.identity')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('fields.birth_date')}</dt>
            <dd>{p.birth_date ? formatPartialDate(p.birth_date, lang) : t('common.unknown')}</dd>
          </div>
          <div>
            <dt>{t('fields.birth_place')}</dt>
            <dd>
              <bdi dir="auto">{p.birth_place || t('common.unknown')}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('fields.sex')}</dt>
            <dd>{t(`sex.${p.sex}`, { defaultValue: p.sex })}</dd>
          </div>
          <div>
            <dt>{t('fields.nationalities')}</dt>
            <dd>{p.nationalities.length ? formatList(p.nationalities.map((c) => countryName(c, lang)), lang) : t('common.unknown')}</dd>
          </div>
          <div>
            <dt>{t('common.owner')}</dt>
            <dd>
              {countryName(p.owner_country, lang)} · <AuthorityName id={p.owner_authority} />
            </dd>
          </div>
          <div>
            <dt>{t('common.updated')}</dt>
            <dd>
              {formatDateTime(p.updated_at, lang)} · {t('common.version', { n: p.version })}
            </dd>
          </div>
        </dl>
      </section>
      <div className="grid-2">
        <section aria-labelledby="docs-h">
          <h2 id="docs-h">{t('persons.documents')}</h2>
          {p.documents.length === 0 ? (
            <p className="empty">{t('persons.noDocuments')}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('fields.documents.type')}</th>
                  <th scope="col">{t('fields.documents.number')}</th>
                  <th scope="col">{t('fields.documents.issuing_country')}</th>
                </tr>
              </thead>
              <tbody>
                {p.documents.map((d, i) => (
                  <tr key={i}>
                    <td>{t(`docType.${d.type}`, { defaultValue: d.type })}</td>
                    <td>
                      <bdi dir="ltr">{d.number}</bdi>
                    </td>
                    <td>{d.issuing_country ? countryName(d.issuing_country, lang) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="ids-h">
          <h2 id="ids-h">{t('persons.identifiers')}</h2>
          {p.identifiers.length === 0 ? (
            <p className="empty">{t('persons.noIdentifiers')}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('fields.identifiers.type')}</th>
                  <th scope="col">{t('fields.identifiers.value')}</th>
                </tr>
              </thead>
              <tbody>
                {p.identifiers.map((d, i) => (
                  <tr key={i}>
                    <td>{t(`identType.${d.type}`, { defaultValue: d.type })}</td>
                    <td>
                      <bdi dir="ltr">{d.value}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <section aria-labelledby="links-h">
        <h2 id="links-h">{t('links.personTitle')}</h2>
        <ErrorBox error={links.error} />
        {links.loading && <Loading />}
        {links.data && links.data.items.length === 0 && (
          <p className="empty" id="person-links-empty">
            {t('links.personNone')}
          </p>
        )}
        {links.data && links.data.items.length > 0 && (
          <LinksTable links={links.data.items} showPerson={false} id="person-links-table" caption={t('links.personTitle')} />
        )}
      </section>
      <section aria-labelledby="inv-h">
        <h2 id="inv-h">{t('involvements.title')}</h2>
        <ErrorBox error={involvements.error} />
        {involvements.loading && <Loading />}
        {involvements.data && involvements.data.length === 0 && <p className="empty">{t('involvements.none')}</p>}
        {involvements.data && involvements.data.length > 0 && (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('fields.national_reference')}</th>
                <th scope="col">{t('fields.stage')}</th>
                <th scope="col">{t('involvements.role')}</th>
              </tr>
            </thead>
            <tbody>
              {involvements.data.map(({ inv, proceeding }) => (
                <tr key={inv.id}>
                  <td>
                    <Link href={`/proceedings/${encodeURIComponent(inv.proceeding_id)}`}>
                      <bdi dir="auto">{proceeding?.national_reference ?? inv.proceeding_id}</bdi>
                    </Link>
                  </td>
                  <td>{proceeding ? t(`stage.${proceeding.stage}`, { defaultValue: proceeding.stage }) : ''}</td>
                  <td>{t(`involvementRole.${inv.role}`, { defaultValue: inv.role })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
