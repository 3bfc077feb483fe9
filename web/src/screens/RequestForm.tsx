// Guided creation and editing of a request (a draft): step 1 the channel, with what each is for;
// step 2 the form. Saving stores the draft and runs the server's completeness review; each problem is
// shown next to its field (by the review's `field` path) and translated by its `code`. When the review
// is complete, the draft can be validated, then sent from the request page.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import {
  AUTHORITIES, AUTHORITY_KINDS, COUNTRIES, IDENTIFIER_TYPES, SUMMARY_LANGS, URGENCIES,
  type Channel, type CoopRequest, type Person, type Proceeding, type RequestInput, type Review,
} from '../api/types';
import { ErrorBox, Field, Loading, PageTitle, PersonNames, describe, toProblem, useLoad } from '../components/common';
import { authorityName } from '../components/links';
import { ChannelChoice, RequestStatusBadge, ReviewSummary, problemMessage } from '../components/requests';
import { countryName } from '../format';
import { LANGUAGE_NAMES, isLang } from '../i18n';
import {
  ACCEPTED_LANGUAGES, AUTHORITY_COUNTRY, CHANNEL_FORM, COUNTRY_TIME_ZONES, channelsFrom, dayEnd, dayIn, dayOf, dayStart,
  emptyInput, endOfDayIn, fieldId,
  inputOf, isProviderChannel, problemsByField,
} from '../requests';
import { Link, navigate, useSearch } from '../router';
import { useApp } from '../state';

// Countries where a provider may be established or represented (e-evidence states, and others for
// voluntary disclosure).
const PROVIDER_COUNTRIES = [
  'IE', 'NL', 'LU', 'DE', 'FR', 'BE', 'ES', 'IT', 'PT', 'AT', 'SE', 'FI', 'PL', 'CZ', 'US', 'GB', 'MA',
];

interface Loaded {
  proceeding: Proceeding | null;
  persons: Person[];
}

// The proceeding and the persons involved in it (offered as "persons concerned").
async function loadContext(proceedingId: string): Promise<Loaded> {
  const [proceeding, involvements] = await Promise.all([
    api.getProceeding(proceedingId).catch(() => null),
    api.proceedingInvolvements(proceedingId).catch(() => ({ items: [] })),
  ]);
  const ids = [...new Set(involvements.items.map((i) => i.person_id))];
  const persons = (await Promise.all(ids.map((id) => api.getPerson(id).catch(() => null)))).filter(
    (p): p is Person => p !== null,
  );
  return { proceeding, persons };
}

// New request from a proceeding: /requests/new?proceeding=<id>.
export function RequestCreate() {
  const { t } = useTranslation();
  const { user, purpose } = useApp();
  const proceedingId = new URLSearchParams(useSearch()).get('proceeding') ?? '';
  const [channel, setChannel] = useState<Channel | ''>('');
  const [step, setStep] = useState<1 | 2>(1);
  const ctx = useLoad(() => (proceedingId ? loadContext(proceedingId) : Promise.resolve(null)), [proceedingId, purpose?.purpose]);
  if (!user) return null;
  if (!proceedingId) {
    return (
      <div>
        <PageTitle>{t('requests.new')}</PageTitle>
        <p className="alert alert-info">{t('requests.fromProceeding')}</p>
        <Link href="/proceedings">{t('nav.proceedings')}</Link>
      </div>
    );
  }
  if (ctx.loading) return <Loading />;
  const proceeding = ctx.data?.proceeding;
  const heading = (
    <PageTitle>
      {t('requests.new')}
      {proceeding && (
        <span className="muted heading-sub">
          {' '}
          · {t('proceedings.one')} <bdi dir="auto">{proceeding.national_reference}</bdi>
        </span>
      )}
    </PageTitle>
  );
  if (step === 1) {
    return (
      <div>
        {heading}
        <p className="step-indicator">{t('requests.step', { n: 1, total: 2 })}</p>
        <ChannelChoice channels={channelsFrom(user.country)} value={channel} onChange={setChannel} />
        <div className="form-actions">
          <button type="button" className="btn btn-primary" id="channel-next" disabled={!channel} onClick={() => setStep(2)}>
            {t('requests.continue')}
          </button>
          <Link href={`/proceedings/${encodeURIComponent(proceedingId)}`} className="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </div>
    );
  }
  const start = emptyInput(proceedingId, channel as Channel);
  if (proceeding) {
    start.summary_of_facts = { lang: proceeding.summary.lang, text: proceeding.summary.text };
    start.legal_qualification = { ...proceeding.legal_qualification };
  }
  return (
    <div>
      {heading}
      <p className="step-indicator">{t('requests.step', { n: 2, total: 2 })}</p>
      <RequestFields
        initial={start}
        persons={ctx.data?.persons ?? []}
        onBack={() => setStep(1)}
        save={async (input) => {
          const created = await api.createRequest(input);
          navigate(`/requests/${encodeURIComponent(created.id)}/edit`, true);
          return null;
        }}
      />
    </div>
  );
}

// Editing a draft: /requests/:id/edit. Runs the review on arrival and after every save.
export function RequestEdit({ id }: { id: string }) {
  const { t } = useTranslation();
  const { purpose } = useApp();
  const loaded = useLoad(async () => {
    const request = await api.getRequest(id);
    const [ctx, review] = await Promise.all([loadContext(request.proceeding_id), api.reviewRequest(id)]);
    return { request, ctx, review };
  }, [id, purpose?.purpose]);
  const [current, setCurrent] = useState<CoopRequest | null>(null);
  useEffect(() => setCurrent(loaded.data?.request ?? null), [loaded.data]);
  if (loaded.loading && !loaded.data) return <Loading />;
  if (!loaded.data || !current) return <ErrorBox error={loaded.error} />;
  const r = current;
  return (
    <div>
      <PageTitle actions={<RequestStatusBadge status={r.status} />}>
        {t('requests.editDraft')}{' '}
        <span className="muted heading-sub">
          · {t(`channel.${r.channel}`)}
          {loaded.data.ctx.proceeding && (
            <>
              {' '}
              · <bdi dir="auto">{loaded.data.ctx.proceeding.national_reference}</bdi>
            </>
          )}
        </span>
      </PageTitle>
      {r.status !== 'draft' ? (
        <p className="alert alert-info">{t('requests.notDraft')}</p>
      ) : (
        <RequestFields
          key={r.id}
          initial={inputOf(r)}
          persons={loaded.data.ctx.persons}
          requestId={r.id}
          initialReview={loaded.data.review}
          onReload={loaded.reload}
          save={async (input) => {
            const next = await api.updateRequest(r.id, r.version, input);
            setCurrent(next);
            return api.reviewRequest(r.id);
          }}
        />
      )}
      <p>
        <Link href={`/requests/${encodeURIComponent(r.id)}`} id="back-to-request">
          {t('requests.backToRequest')}
        </Link>
      </p>
    </div>
  );
}

function RequestFields({
  initial, persons, save, requestId, initialReview = null, onBack, onReload,
}: {
  initial: RequestInput;
  persons: Person[];
  save(input: RequestInput): Promise<Review | null>;
  requestId?: string;
  initialReview?: Review | null;
  onBack?(): void;
  onReload?(): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user } = useApp();
  const [v, setV] = useState<RequestInput>(initial);
  const [review, setReview] = useState<Review | null>(initialReview);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [validating, setValidating] = useState(false);
  const channel = v.channel as Channel;
  const form = CHANNEL_FORM[channel];
  const provider = isProviderChannel(channel);
  const problems = useMemo(() => problemsByField(review?.problems ?? []), [review]);
  const set = (patch: Partial<RequestInput>) => setV((old) => ({ ...old, ...patch }));

  // The inline message of a field: the review's problems for it, or the server's refusal of the save.
  const serverField = error ? toProblem(error).field : undefined;
  const msg = (key: string): string | null => {
    const ps = problems.get(key);
    if (ps?.length) return ps.map((p) => problemMessage(t, p)).join(' ');
    if (serverField && (serverField === key || serverField.startsWith(`${key}[`) || serverField.startsWith(`${key}.`))) {
      return t('validation.server');
    }
    return null;
  };
  const input = (key: string, hint = false) => ({ id: fieldId(key), ...describe(fieldId(key), hint, msg(key)) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: RequestInput = { ...v, measures: (v.measures ?? []).filter((m) => m.type || m.description || m.link_to_facts) };
      if (!form.acceptsRequestedDeadline) body.requested_deadline = null;
      const next = await save(body);
      if (next) {
        setReview(next);
        window.setTimeout(() => document.getElementById(next.complete ? 'review-complete' : 'review-summary')?.focus(), 0);
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const validate = async () => {
    if (!requestId) return;
    setValidating(true);
    setError(null);
    try {
      await api.transitionRequest(requestId, 'validated');
      navigate(`/requests/${encodeURIComponent(requestId)}`);
    } catch (err) {
      setError(err);
      setValidating(false);
    }
  };

  const measures = v.measures ?? [];
  const setMeasure = (i: number, patch: Partial<(typeof measures)[number]>) =>
    set({ measures: measures.map((m, k) => (k === i ? { ...m, ...patch } : m)) });
  const identifiers = v.identifiers ?? [];
  const setIdentifier = (i: number, patch: Partial<(typeof identifiers)[number]>) =>
    set({ identifiers: identifiers.map((m, k) => (k === i ? { ...m, ...patch } : m)) });
  const toggle = (list: string[] | undefined, value: string, on: boolean) =>
    on ? [...new Set([...(list ?? []), value])] : (list ?? []).filter((x) => x !== value);
  const accepted = ACCEPTED_LANGUAGES[v.executing_country || AUTHORITY_COUNTRY[v.executing ?? ''] || v.executing || ''];
  const groupError = (key: string) =>
    msg(key) && (
      <div className="field-error" id={`${fieldId(key)}-error`}>
        {msg(key)}
      </div>
    );
  const own = user?.country ?? '';
  const executingCountry = v.executing_country || AUTHORITY_COUNTRY[v.executing ?? ''] || (/^[A-Z]{2}$/.test(v.executing ?? '') ? v.executing : '');
  const actingZone = COUNTRY_TIME_ZONES[executingCountry ?? ''];

  return (
    <form className="form request-form" id="request-form" onSubmit={submit} noValidate>
      {review && <ReviewSummary problems={review.problems} complete={review.complete} />}
      <ErrorBox error={error} />
      {!!error && toProblem(error).code === 'precondition.version_mismatch' && onReload && (
        <button type="button" className="btn" onClick={onReload}>
          {t('common.reloadLatest')}
        </button>
      )}

      <fieldset>
        <legend>{t('requests.sectionParties')}</legend>
        <p className="channel-summary">
          <strong>{t(`channel.${channel}`)}</strong> — <span className="muted">{t(`channelHelp.${channel}`)}</span>{' '}
          {onBack && (
            <button type="button" className="btn btn-link" onClick={onBack} id="change-channel">
              {t('requests.changeChannel')}
            </button>
          )}
        </p>
        <div className="grid-2">
          <Field id={fieldId('legal_basis')} label={t('fields.legal_basis')} hint={t(`legalBasisHint.${channel}`)} error={msg('legal_basis')}>
            <input {...input('legal_basis', true)} dir="auto" value={v.legal_basis ?? ''} onChange={(e) => set({ legal_basis: e.target.value })} />
          </Field>
          {!provider ? (
            <Field id={fieldId('executing')} label={t('fields.executing')} hint={t('requests.executingHint')} error={msg('executing')}>
              <select
                {...input('executing', true)}
                value={v.executing ?? ''}
                onChange={(e) => set({ executing: e.target.value, executing_country: '' })}
              >
                <option value="">{t('common.notSpecified')}</option>
                {COUNTRIES.filter((c) => c !== own).map((c) => (
                  <optgroup key={c} label={countryName(c, lang)}>
                    <option value={c}>{t('requests.centralAuthority', { country: countryName(c, lang) })}</option>
                    {AUTHORITIES.filter((a) => AUTHORITY_COUNTRY[a] === c).map((a) => (
                      <option key={a} value={a}>
                        {authorityName(t, a)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </Field>
          ) : (
            <Field id={fieldId('provider')} label={t('fields.provider')} hint={t('requests.providerHint')} error={msg('provider')}>
              <input
                {...input('provider', true)}
                dir="auto"
                value={v.provider ?? ''}
                onChange={(e) => set({ provider: e.target.value, executing: e.target.value })}
              />
            </Field>
          )}
          {provider && (
            <Field id={fieldId('executing_country')} label={t('fields.executing_country')} hint={t('requests.providerCountryHint')} error={msg('executing')}>
              <select
                {...input('executing_country', true)}
                value={v.executing_country ?? ''}
                onChange={(e) => set({ executing_country: e.target.value })}
              >
                <option value="">{t('common.notSpecified')}</option>
                {PROVIDER_COUNTRIES.map((c) => (
                  <option key={c} value={c}>
                    {countryName(c, lang)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {form.needsAuthorityKind && (
            <Field id={fieldId('issuing_authority_kind')} label={t('fields.issuing_authority_kind')} error={msg('issuing_authority_kind')}>
              <select
                {...input('issuing_authority_kind')}
                value={v.issuing_authority_kind ?? ''}
                onChange={(e) => set({ issuing_authority_kind: e.target.value })}
              >
                <option value="">{t('common.notSpecified')}</option>
                {AUTHORITY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`authorityKind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {form.needsAuthorityKind && (
            <Field id={fieldId('validating_authority_kind')} label={t('fields.validating_authority_kind')} hint={t('requests.validatingHint')} error={msg('validating_authority_kind')}>
              <select
                {...input('validating_authority_kind', true)}
                value={v.validating_authority_kind ?? ''}
                onChange={(e) => set({ validating_authority_kind: e.target.value })}
              >
                <option value="">{t('common.notSpecified')}</option>
                {AUTHORITY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`authorityKind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        {msg('channel') && <div className="field-error">{msg('channel')}</div>}
      </fieldset>

      <fieldset>
        <legend>{t('requests.sectionFacts')}</legend>
        <div className="grid-3">
          <Field id={fieldId('summary_of_facts.lang')} label={t('fields.summary_of_facts.lang')} error={msg('summary_of_facts.lang')}>
            <select
              {...input('summary_of_facts.lang')}
              value={v.summary_of_facts?.lang ?? ''}
              onChange={(e) => set({ summary_of_facts: { text: v.summary_of_facts?.text ?? '', lang: e.target.value } })}
            >
              <option value="">{t('common.notSpecified')}</option>
              {SUMMARY_LANGS.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id={fieldId('summary_of_facts.text')} label={t('fields.summary_of_facts.text')} hint={t('requests.summaryHint')} error={msg('summary_of_facts.text')}>
          <textarea
            {...input('summary_of_facts.text', true)}
            dir="auto"
            rows={5}
            lang={isLang(v.summary_of_facts?.lang) ? v.summary_of_facts?.lang : undefined}
            value={v.summary_of_facts?.text ?? ''}
            onChange={(e) => set({ summary_of_facts: { lang: v.summary_of_facts?.lang ?? '', text: e.target.value } })}
          />
        </Field>
        {form.needsLegalQualification && (
          <div className="grid-2">
            <Field id={fieldId('legal_qualification.article')} label={t('fields.legal_qualification.article')} error={msg('legal_qualification.article')}>
              <input
                {...input('legal_qualification.article')}
                dir="auto"
                value={v.legal_qualification?.article ?? ''}
                onChange={(e) => set({ legal_qualification: { text: v.legal_qualification?.text ?? '', article: e.target.value } })}
              />
            </Field>
            <Field id={fieldId('legal_qualification.text')} label={t('fields.legal_qualification.text')} error={msg('legal_qualification.text')}>
              <input
                {...input('legal_qualification.text')}
                dir="auto"
                value={v.legal_qualification?.text ?? ''}
                onChange={(e) => set({ legal_qualification: { article: v.legal_qualification?.article ?? '', text: e.target.value } })}
              />
            </Field>
          </div>
        )}
      </fieldset>

      <fieldset aria-describedby={msg('measures') ? `${fieldId('measures')}-error` : undefined}>
        <legend id={fieldId('measures')} tabIndex={-1}>{t('requests.sectionMeasures')}</legend>
        {groupError('measures')}
        {measures.map((m, i) => (
          <div className="repeat" key={i}>
            <div className="repeat-head">
              <h3>{t('requests.measureN', { n: i + 1 })}</h3>
              {measures.length > 1 && (
                <button type="button" className="btn btn-link" onClick={() => set({ measures: measures.filter((_, k) => k !== i) })}>
                  {t('common.remove')}
                </button>
              )}
            </div>
            <Field id={fieldId(`measures[${i}].type`)} label={t('fields.measures.type')} error={msg(`measures[${i}].type`)}>
              <select {...input(`measures[${i}].type`)} value={m.type} onChange={(e) => setMeasure(i, { type: e.target.value })}>
                <option value="">{t('common.notSpecified')}</option>
                {form.measures.map((mt) => (
                  <option key={mt} value={mt}>
                    {t(`measure.${mt}`)}
                  </option>
                ))}
              </select>
            </Field>
            <div className="grid-2">
              <Field id={fieldId(`measures[${i}].description`)} label={t('fields.measures.description')} error={msg(`measures[${i}].description`)}>
                <textarea {...input(`measures[${i}].description`)} dir="auto" rows={3} value={m.description} onChange={(e) => setMeasure(i, { description: e.target.value })} />
              </Field>
              <Field
                id={fieldId(`measures[${i}].link_to_facts`)}
                label={t('fields.measures.link_to_facts')}
                hint={t('requests.linkToFactsHint')}
                error={msg(`measures[${i}].link_to_facts`)}
              >
                <textarea
                  {...input(`measures[${i}].link_to_facts`, true)}
                  dir="auto"
                  rows={3}
                  value={m.link_to_facts}
                  onChange={(e) => setMeasure(i, { link_to_facts: e.target.value })}
                />
              </Field>
            </div>
          </div>
        ))}
        <button type="button" className="btn" id="add-measure" onClick={() => set({ measures: [...measures, { type: '', description: '', link_to_facts: '' }] })}>
          {t('requests.addMeasure')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('requests.sectionConcerned')}</legend>
        <div role="group" aria-labelledby="persons-concerned-label" aria-describedby={msg('person_ids') ? `${fieldId('person_ids')}-error` : undefined}>
          <p className="group-label" id="persons-concerned-label">
            {t('fields.person_ids')}
          </p>
          {persons.length === 0 && <p className="empty">{t('requests.noPersons')}</p>}
          {persons.map((p, i) => (
            <label key={p.id} className="check person-check">
              <input
                type="checkbox"
                id={i === 0 ? fieldId('person_ids') : undefined}
                name="person_ids"
                value={p.id}
                checked={(v.person_ids ?? []).includes(p.id)}
                onChange={(e) => set({ person_ids: toggle(v.person_ids, p.id, e.target.checked) })}
              />
              <PersonNames names={p.names} />
            </label>
          ))}
          {groupError('person_ids')}
        </div>
        <h3>{t('persons.identifiers')}</h3>
        {groupError('identifiers')}
        {identifiers.map((it, i) => (
          <div className="repeat-inline" key={i}>
            <Field id={fieldId(`identifiers[${i}].type`)} label={t('fields.identifiers.type')} error={msg(`identifiers[${i}].type`)}>
              <select {...input(`identifiers[${i}].type`)} value={it.type} onChange={(e) => setIdentifier(i, { type: e.target.value })}>
                <option value="">{t('common.notSpecified')}</option>
                {IDENTIFIER_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`identType.${x}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={fieldId(`identifiers[${i}].value`)} label={t('fields.identifiers.value')} error={msg(`identifiers[${i}].value`)}>
              <input {...input(`identifiers[${i}].value`)} dir="ltr" value={it.value} onChange={(e) => setIdentifier(i, { value: e.target.value })} />
            </Field>
            <button type="button" className="btn btn-link" onClick={() => set({ identifiers: identifiers.filter((_, k) => k !== i) })}>
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="btn" id="add-identifier" onClick={() => set({ identifiers: [...identifiers, { type: '', value: '' }] })}>
          {t('persons.addIdentifier')}
        </button>
        <div role="group" aria-labelledby="data-cat-label" className="group-block">
          <p className="group-label" id="data-cat-label">
            {t('fields.data_categories')}
          </p>
          {form.dataCategories.map((c, i) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                name="data_categories"
                id={i === 0 ? fieldId('data_categories') : undefined}
                value={c}
                checked={(v.data_categories ?? []).includes(c)}
                onChange={(e) => set({ data_categories: toggle(v.data_categories, c, e.target.checked) })}
              />{' '}
              {t(`dataCategory.${c}`)}
            </label>
          ))}
          {groupError('data_categories')}
        </div>
        <div className="grid-3">
          <Field id={fieldId('time_frame.from')} label={t('fields.time_frame.from')} error={msg('time_frame.from')}>
            <input
              {...input('time_frame.from')}
              type="date"
              value={dayOf(v.time_frame?.from)}
              onChange={(e) => set({ time_frame: { to: v.time_frame?.to ?? null, from: dayStart(e.target.value) } })}
            />
          </Field>
          <Field id={fieldId('time_frame.to')} label={t('fields.time_frame.to')} error={msg('time_frame.to')}>
            <input
              {...input('time_frame.to')}
              type="date"
              value={dayOf(v.time_frame?.to)}
              onChange={(e) => set({ time_frame: { from: v.time_frame?.from ?? null, to: dayEnd(e.target.value) } })}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('requests.sectionHandling')}</legend>
        <div role="group" aria-labelledby="languages-label" className="group-block">
          <p className="group-label" id="languages-label">
            {t('fields.languages')}
          </p>
          {accepted && (
            <p className="hint" id="languages-hint">
              {t('requests.acceptedLanguages', { languages: accepted.map((l) => (isLang(l) ? LANGUAGE_NAMES[l] : l)).join(', ') })}
            </p>
          )}
          {SUMMARY_LANGS.map((l, i) => (
            <label key={l} className="check">
              <input
                type="checkbox"
                name="languages"
                id={i === 0 ? fieldId('languages') : undefined}
                value={l}
                checked={(v.languages ?? []).includes(l)}
                onChange={(e) => set({ languages: toggle(v.languages, l, e.target.checked) })}
              />{' '}
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
          {groupError('languages')}
        </div>
        <div role="radiogroup" aria-labelledby="urgency-label" className="group-block">
          <p className="group-label" id="urgency-label">
            {t('fields.urgency')}
          </p>
          {URGENCIES.map((u) => (
            <label key={u} className="check">
              <input
                type="radio"
                name="urgency"
                id={`rq-urgency-${u}`}
                value={u}
                checked={v.urgency === u}
                onChange={() => set({ urgency: u })}
              />{' '}
              {t(`urgency.${u}`)}
            </label>
          ))}
          {v.urgency === 'emergency' && <p className="alert alert-warn">{t('requests.emergencyNote')}</p>}
        </div>
        {v.urgency !== 'normal' && (
          <Field
            id={fieldId('urgency_justification')}
            label={t('fields.urgency_justification')}
            hint={v.urgency === 'emergency' ? t('requests.emergencyHint') : t('requests.urgentHint')}
            error={msg('urgency_justification')}
            required
          >
            <textarea
              {...input('urgency_justification', true)}
              dir="auto"
              rows={3}
              value={v.urgency_justification ?? ''}
              onChange={(e) => set({ urgency_justification: e.target.value })}
            />
          </Field>
        )}
        <label className="check">
          <input
            type="checkbox"
            id={fieldId('confidentiality.requested')}
            checked={!!v.confidentiality?.requested}
            onChange={(e) => set({ confidentiality: { reason: v.confidentiality?.reason ?? '', requested: e.target.checked } })}
          />{' '}
          {t('fields.confidentiality.requested')}
        </label>
        {v.confidentiality?.requested && (
          <Field id={fieldId('confidentiality.reason')} label={t('fields.confidentiality.reason')} error={msg('confidentiality.reason')} required>
            <textarea
              {...input('confidentiality.reason')}
              dir="auto"
              rows={2}
              value={v.confidentiality?.reason ?? ''}
              onChange={(e) => set({ confidentiality: { requested: true, reason: e.target.value } })}
            />
          </Field>
        )}
        {form.acceptsRequestedDeadline && (
          <div className="grid-3">
            <Field id={fieldId('requested_deadline')} label={t('fields.requested_deadline')} hint={t('requests.requestedDeadlineHint')} error={msg('requested_deadline')}>
              <input
                {...input('requested_deadline', true)}
                type="date"
                value={dayIn(v.requested_deadline, actingZone)}
                onChange={(e) => set({ requested_deadline: endOfDayIn(e.target.value, actingZone) })}
              />
            </Field>
          </div>
        )}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} id="request-save">
          {busy ? t('common.saving') : t('requests.saveAndCheck')}
        </button>
        {review?.complete && requestId && (
          <button type="button" className="btn btn-primary" id="request-validate" disabled={validating} onClick={() => void validate()}>
            {t('requestStep.validated')}
          </button>
        )}
      </div>
      {!requestId && <p className="note">{t('requests.draftNote')}</p>}
    </form>
  );
}
