// Pieces of the cross-border link screens (hit/no-hit, DESIGN.md §5): authority names, status badges,
// the links table, the confirmation dialog, the counterpart's disclosed record and the explanation.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api/client';
import type { LinkCounterpartPerson, LinkFeature, LinkStatus, PersonLink, PersonName } from '../api/types';
import { countryName, formatDateTime, formatList, formatPartialDate, formatPercent, formatWeight } from '../format';
import { Link } from '../router';
import { NameText, PersonNames, useLoad } from './common';

// Authority ids (fr-pnat, ma-pmp…) are the server's; their names are ours, per language.
export function authorityName(t: TFunction, id: string): string {
  return t(`authorities.${id}`, { defaultValue: id });
}

export function AuthorityName({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <bdi className="authority" title={id}>
      {authorityName(t, id)}
    </bdi>
  );
}

// The variables of the messages that name the other side: its country and authority.
export function sideVars(t: TFunction, lang: string, link: PersonLink) {
  return { country: countryName(link.counterpart.country, lang), authority: authorityName(t, link.counterpart.authority) };
}

export function LinkStatusBadge({ status }: { status: LinkStatus | string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge link-status link-status-${status}`} data-status={status}>
      {t(`linkStatus.${status}`, { defaultValue: status })}
    </span>
  );
}

// Who has disclosed what: the two consents of a link, in words (not colour alone).
export function DisclosureState({ link }: { link: PersonLink }) {
  const { t } = useTranslation();
  return (
    <span className="disclosure-state">
      <span className={link.counterpart.consented ? 'consent-yes' : 'consent-no'}>
        {link.counterpart.consented ? t('links.theirConsentYes') : t('links.theirConsentNo')}
      </span>
      <span className={link.own_consent ? 'consent-yes' : 'consent-no'}>
        {link.own_consent ? t('links.ownConsentYes') : t('links.ownConsentNo')}
      </span>
    </span>
  );
}

// The names of the caller's own persons, for a list of links (the link carries only the person id).
// Each is a consultation of the caller's own register, with the stated purpose.
export function useOwnPersonNames(links: PersonLink[] | undefined, purposeKey: string | undefined) {
  const ids = [...new Set((links ?? []).map((l) => l.person_id))];
  return useLoad(async () => {
    const entries = await Promise.all(
      ids.map((id) =>
        api.getPerson(id).then(
          (p) => [id, p.names] as [string, PersonName[]],
          () => [id, [] as PersonName[]] as [string, PersonName[]],
        ),
      ),
    );
    return new Map(entries);
  }, [ids.join(','), purposeKey]);
}

export function LinksTable({
  links, names, showPerson = true, id = 'links-table', caption,
}: {
  links: PersonLink[];
  names?: Map<string, PersonName[]>;
  showPerson?: boolean;
  id?: string;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="table-wrap">
      <table className="data" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showPerson && <th scope="col">{t('links.person')}</th>}
            <th scope="col">{t('links.otherSide')}</th>
            <th scope="col">{t('links.decision')}</th>
            <th scope="col">{t('links.status')}</th>
            <th scope="col">{t('links.disclosure')}</th>
            <th scope="col">{t('links.updated')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => {
            const own = names?.get(l.person_id);
            return (
              <tr key={l.id} data-link-id={l.id}>
                {showPerson && (
                  <td>
                    <Link href={`/persons/${encodeURIComponent(l.person_id)}`}>
                      {own && own.length ? <PersonNames names={own} /> : <bdi dir="ltr">{l.person_id}</bdi>}
                    </Link>
                  </td>
                )}
                <td>
                  <div>{countryName(l.counterpart.country, lang)}</div>
                  <div className="muted">
                    <AuthorityName id={l.counterpart.authority} />
                  </div>
                  {l.counterpart.person && l.counterpart.person.names.length > 0 && (
                    <div className="counterpart-names">
                      <PersonNames names={l.counterpart.person.names} />
                    </div>
                  )}
                </td>
                <td>
                  {l.decision ? t(`decision.${l.decision}`, { defaultValue: l.decision }) : '—'}
                  {l.probability !== null && (
                    <div className="muted">
                      <bdi>{formatPercent(l.probability, lang)}</bdi>
                    </div>
                  )}
                </td>
                <td>
                  <LinkStatusBadge status={l.status} />
                </td>
                <td className="muted">
                  <DisclosureState link={l} />
                </td>
                <td>{formatDateTime(l.updated_at, lang)}</td>
                <td>
                  <Link
                    href={`/links/${encodeURIComponent(l.id)}`}
                    className="btn"
                    aria-label={t('links.openLink', { authority: authorityName(t, l.counterpart.authority) })}
                  >
                    {t('links.open')}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// A modal confirmation (native <dialog>: focus kept inside, Escape cancels, the page behind is inert).
// Focus starts on "Cancel", the safe choice.
export function ConfirmDialog({
  id, title, children, confirmLabel, onConfirm, onCancel, busy = false, danger = false,
}: {
  id: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) {
      if (typeof d.showModal === 'function') {
        try {
          d.showModal();
        } catch {
          d.setAttribute('open', '');
        }
      } else {
        d.setAttribute('open', '');
      }
    }
    cancelRef.current?.focus();
    return () => {
      if (d.open && typeof d.close === 'function') d.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      id={id}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-text`} className="dialog-text">
        {children}
      </div>
      <div className="form-actions dialog-actions">
        <button type="button" className="btn" onClick={onCancel} ref={cancelRef} id={`${id}-cancel`}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'btn btn-danger' : 'btn btn-primary'}
          onClick={onConfirm}
          disabled={busy}
          id={`${id}-confirm`}
        >
          {busy ? t('common.saving') : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

// The other country's record as disclosed after its consent: names in their script, birth date,
// sex, nationalities.
export function CounterpartPerson({ person }: { person: LinkCounterpartPerson }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div id="counterpart-person">
      <h3>{t('links.names')}</h3>
      <div className="table-wrap">
        <table className="data data-compact" id="counterpart-names">
          <thead>
            <tr>
              <th scope="col">{t('fields.names.full')}</th>
              <th scope="col">{t('fields.names.kind')}</th>
              <th scope="col">{t('fields.names.script')}</th>
            </tr>
          </thead>
          <tbody>
            {person.names.map((n, i) => (
              <tr key={i}>
                <td>
                  <NameText name={n} />
                </td>
                <td>{t(`nameKind.${n.kind ?? 'primary'}`, { defaultValue: n.kind })}</td>
                <td>{t(`script.${n.script}`, { defaultValue: n.script ?? '' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts facts-tight">
        <div>
          <dt>{t('fields.birth_date')}</dt>
          <dd>{person.birth_date ? formatPartialDate(person.birth_date, lang) : t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('fields.sex')}</dt>
          <dd>{person.sex ? t(`sex.${person.sex}`, { defaultValue: person.sex }) : t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('fields.nationalities')}</dt>
          <dd>
            {person.nationalities.length
              ? formatList(person.nationalities.map((c) => countryName(c, lang)), lang)
              : t('common.unknown')}
          </dd>
        </div>
      </dl>
    </div>
  );
}

// The per-feature explanation of the score. Feature and outcome are translated; the detail is the
// server's English sentence (it quotes names in their own scripts), marked as such.
export function ExplanationTable({ features, id = 'explanation-table' }: { features: LinkFeature[]; id?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const max = Math.max(1, ...features.map((f) => Math.abs(f.weight)));
  return (
    <div className="table-wrap">
      <table className="data data-compact" id={id}>
        <thead>
          <tr>
            <th scope="col">{t('links.feature')}</th>
            <th scope="col">{t('links.outcome')}</th>
            <th scope="col">{t('links.weight')}</th>
            <th scope="col">{t('links.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {features.map((f, i) => (
            <tr key={i} data-feature={f.feature}>
              <td>{t(`feature.${f.feature}`, { defaultValue: f.feature })}</td>
              <td>
                <span className={`outcome outcome-${f.outcome}`}>{t(`outcome.${f.outcome}`, { defaultValue: f.outcome })}</span>
              </td>
              <td className="num weight-cell">
                <bdi dir="ltr">{formatWeight(f.weight, lang)}</bdi>
                <span className="weight-track" aria-hidden="true">
                  <span
                    className={f.weight >= 0 ? 'weight-bar weight-pos' : 'weight-bar weight-neg'}
                    style={{ inlineSize: `${Math.round((Math.abs(f.weight) / max) * 100)}%` }}
                  />
                </span>
              </td>
              <td>
                <span lang="en" dir="ltr" className="explanation-detail">
                  {f.detail}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
