// Verification of one cross-border link. Hit/no-hit: until the other authority consents, the page shows
// only that a possible link exists and which authority to contact; after its consent, its record
// (names in their own script, birth date, nationalities), the probability and the explanation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LINK_TRANSITIONS, WRITER_ROLES, type LinkStatus, type PersonLink } from '../api/types';
import { ErrorBox, Loading, Notice, PageTitle, PersonNames, useLoad } from '../components/common';
import {
  AuthorityName, ConfirmDialog, CounterpartPerson, ExplanationTable, LinkStatusBadge, sideVars,
} from '../components/links';
import { countryName, formatDateTime, formatPercent } from '../format';
import { Link } from '../router';
import { useApp } from '../state';

type Pending = { kind: 'consent' } | { kind: 'transition'; to: LinkStatus } | null;

export function LinkPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user, purpose } = useApp();
  const link = useLoad(() => api.getLink(id), [id, purpose?.purpose]);
  const personId = link.data?.person_id;
  const own = useLoad(
    () => (personId ? api.getPerson(personId) : Promise.resolve(null)),
    [personId, purpose?.purpose],
  );
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const writer = !!user && WRITER_ROLES.includes(user.role);

  if (link.loading && !link.data) return <Loading />;
  if (!link.data) return <ErrorBox error={link.error} />;
  const l: PersonLink = link.data;
  const vars = sideVars(t, lang, l);
  const cp = l.counterpart;
  const transitions = LINK_TRANSITIONS[l.status] ?? [];

  const act = async (run: () => Promise<PersonLink>, message: (n: PersonLink) => string) => {
    setBusy(true);
    setActionError(null);
    setDone(null);
    try {
      const next = await run();
      link.set(next);
      setDone(message(next));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const transition = (to: LinkStatus) =>
    act(
      () => api.transitionLink(l.id, to, l.version),
      (n) => t('links.transitionDone', { status: t(`linkStatus.${n.status}`) }),
    );

  return (
    <div className="link-page">
      <PageTitle actions={<LinkStatusBadge status={l.status} />}>
        {t('links.one')} · <bdi>{countryName(cp.country, lang)}</bdi>
      </PageTitle>
      <p className="lead">
        {l.decision ? t(`decision.${l.decision}`, { defaultValue: l.decision }) : '—'} · {t('links.detected')}{' '}
        {formatDateTime(l.created_at, lang)}
      </p>
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorBox error={actionError} />

      <div className="grid-2 link-sides">
        <section aria-labelledby="own-h" className="panel">
          <h2 id="own-h">{t('links.ownPerson')}</h2>
          <p>
            <Link href={`/persons/${encodeURIComponent(l.person_id)}`} id="link-own-person">
              {own.data ? <PersonNames names={own.data.names} /> : t('links.ownPersonLink')}
            </Link>
          </p>
          <ErrorBox error={own.error} />
          <h3>{t('links.consentTitle')}</h3>
          {l.own_consent ? (
            <p id="own-consent-state" data-consented="true">
              {t('links.ownConsented', vars)}
            </p>
          ) : (
            <p id="own-consent-state" data-consented="false">
              {t('links.ownNotConsented', vars)}
            </p>
          )}
          {!l.own_consent && l.status === 'rejected' && <p className="muted">{t('links.rejectedNoDisclosure')}</p>}
          {!l.own_consent && l.status !== 'rejected' && writer && (
            <button
              type="button"
              className="btn btn-primary"
              id="link-consent"
              onClick={() => setPending({ kind: 'consent' })}
              disabled={busy}
            >
              {t('links.consent', vars)}
            </button>
          )}
        </section>

        <section aria-labelledby="cp-h" className="panel">
          <h2 id="cp-h">{t('links.counterpart')}</h2>
          <dl className="facts facts-tight">
            <div>
              <dt>{t('links.country')}</dt>
              <dd id="link-country">{countryName(cp.country, lang)}</dd>
            </div>
            <div>
              <dt>{t('links.authority')}</dt>
              <dd id="link-authority">
                <AuthorityName id={cp.authority} />
              </dd>
            </div>
          </dl>
          {!cp.consented || !cp.person ? (
            <div className="alert alert-info hit-no-hit" id="hit-no-hit" role="note">
              <strong>{t('links.hitTitle')}</strong>
              <p>{t('links.hitText', vars)}</p>
            </div>
          ) : (
            <>
              <p className="consent-yes" id="counterpart-consented">
                {t('links.counterpartConsented', vars)}
              </p>
              <CounterpartPerson person={cp.person} />
            </>
          )}
        </section>
      </div>

      {cp.consented && l.probability !== null && (
        <section aria-labelledby="expl-h">
          <h2 id="expl-h">{t('links.explanation')}</h2>
          <p className="probability" id="link-probability" data-value={l.probability}>
            {t('links.probabilityValue', { value: formatPercent(l.probability, lang) })}
          </p>
          <p className="hint">{t('links.explanationHint')}</p>
          {l.explanation && <ExplanationTable features={l.explanation} />}
        </section>
      )}

      <section aria-labelledby="verif-h">
        <h2 id="verif-h">{t('links.verification')}</h2>
        {transitions.length === 0 && <p className="muted">{t('links.noFurtherStep')}</p>}
        {transitions.length > 0 && !writer && <p className="muted">{t('links.readOnly')}</p>}
        {transitions.length > 0 && writer && (
          <div className="form-actions" id="link-transitions">
            {transitions.map((to) => (
              <button
                key={to}
                type="button"
                id={`link-to-${to}`}
                className={to === 'rejected' ? 'btn btn-danger' : 'btn btn-primary'}
                disabled={busy}
                onClick={() => (to === 'under_verification' ? void transition(to) : setPending({ kind: 'transition', to }))}
              >
                {t(`links.to.${to}`)}
              </button>
            ))}
          </div>
        )}
        <p className="muted">
          {t('links.updatedAt', { time: formatDateTime(l.updated_at, lang) })} · {t('common.version', { n: l.version })}
        </p>
      </section>

      {pending?.kind === 'consent' && (
        <ConfirmDialog
          id="consent-dialog"
          title={t('links.consentDialogTitle', vars)}
          confirmLabel={t('links.consentConfirm', vars)}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => act(() => api.consentLink(l.id, l.version), () => t('links.consentDone', vars))}
        >
          <p>{t('links.consentDialogText', vars)}</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'transition' && (
        <ConfirmDialog
          id="transition-dialog"
          title={t(pending.to === 'rejected' ? 'links.dialog.rejectedTitle' : 'links.dialog.confirmedTitle')}
          confirmLabel={t(`links.to.${pending.to}`)}
          danger={pending.to === 'rejected'}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => transition(pending.to)}
        >
          <p>{t(pending.to === 'rejected' ? 'links.dialog.rejectedText' : 'links.dialog.confirmedText', vars)}</p>
          {pending.to === 'confirmed' && !cp.person && <p className="alert alert-warn">{t('links.unseenWarning')}</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
