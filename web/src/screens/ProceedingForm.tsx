import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import {
  CRIME_NEXUS, DEROGATIONS, OFFENCE_CLASSES, STAGES, SUMMARY_LANGS, TERRORISM_TYPES,
  type Proceeding, type ProceedingInput,
} from '../api/types';
import { ErrorBox, Field, Loading, PageTitle, describe, toProblem } from '../components/common';
import { isValidFullDate } from '../format';
import { LANGUAGE_NAMES } from '../i18n';
import { Link, navigate } from '../router';

type Errors = Partial<Record<string, string>>;

export function emptyProceeding(lang: string): ProceedingInput {
  return {
    national_reference: '',
    stage: 'investigation',
    date_referred: null,
    legal_qualification: { article: '', text: '' },
    offence_classes: [],
    terrorism_type: null,
    group_affiliations: [],
    crime_nexus: [],
    summary: { lang: (SUMMARY_LANGS as readonly string[]).includes(lang) ? lang : 'fr', text: '' },
    sharing_derogation: 'none',
  };
}

function toInput(p: Proceeding): ProceedingInput {
  return {
    national_reference: p.national_reference,
    stage: p.stage,
    date_referred: p.date_referred,
    legal_qualification: { ...p.legal_qualification },
    offence_classes: [...p.offence_classes],
    terrorism_type: p.terrorism_type,
    group_affiliations: [...p.group_affiliations],
    crime_nexus: [...p.crime_nexus],
    summary: { ...p.summary },
    sharing_derogation: p.sharing_derogation,
  };
}

// Client-side checks; the server remains the judge and its errors are shown too.
export function validateProceeding(v: ProceedingInput, t: (k: string) => string): Errors {
  const e: Errors = {};
  if (!v.national_reference.trim()) e.national_reference = t('validation.required');
  else if (v.national_reference.length > 200) e.national_reference = t('validation.tooLong');
  if (v.date_referred && !isValidFullDate(v.date_referred)) e.date_referred = t('validation.fullDate');
  if (v.legal_qualification.article.length > 200) e['legal_qualification.article'] = t('validation.tooLong');
  if (v.summary.text.length > 20000) e['summary.text'] = t('validation.tooLong');
  if (v.group_affiliations.some((g) => g.length > 200)) e.group_affiliations = t('validation.tooLong');
  if (v.group_affiliations.length > 50) e.group_affiliations = t('validation.tooMany');
  return e;
}

// The body sent to the server: empty optional values are left out on creation.
export function proceedingBody(v: ProceedingInput): ProceedingInput {
  const body: Record<string, unknown> = { ...v, national_reference: v.national_reference.trim() };
  if (!v.date_referred) delete body.date_referred;
  if (!v.terrorism_type) delete body.terrorism_type;
  body.group_affiliations = v.group_affiliations.map((g) => g.trim()).filter(Boolean);
  return body as unknown as ProceedingInput;
}

function changed(before: ProceedingInput, after: ProceedingInput): Partial<ProceedingInput> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof ProceedingInput)[]) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out[k] = after[k];
  }
  return out as Partial<ProceedingInput>;
}

function CheckGroup({
  legend, name, options, value, onChange, labelPrefix,
}: {
  legend: string;
  name: string;
  options: readonly string[];
  value: string[];
  onChange(v: string[]): void;
  labelPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="check">
          <input
            type="checkbox"
            name={name}
            value={o}
            checked={value.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
          />{' '}
          {t(`${labelPrefix}.${o}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function ProceedingForm({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const [original, setOriginal] = useState<Proceeding | null>(null);
  const [value, setValue] = useState<ProceedingInput>(() => emptyProceeding(i18n.language));
  const [groupsText, setGroupsText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [loading, setLoading] = useState(!!id);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!id) return;
    let live = true;
    api.getProceeding(id).then(
      (p) => {
        if (!live) return;
        setOriginal(p);
        setValue(toInput(p));
        setGroupsText(p.group_affiliations.join('\n'));
        setLoading(false);
      },
      (e) => {
        if (!live) return;
        setServerError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  const set = <K extends keyof ProceedingInput>(k: K, v: ProceedingInput[K]) => setValue((s) => ({ ...s, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const current = { ...value, group_affiliations: groupsText.split('\n').map((g) => g.trim()).filter(Boolean) };
    const errs = validateProceeding(current, t);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) {
      const first = Object.keys(errs)[0].replace(/\./g, '-');
      document.getElementById(`pr-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = proceedingBody(current);
      const saved = original
        ? await api.updateProceeding(original.id, original.version, changed(toInput(original), body))
        : await api.createProceeding(body);
      navigate(`/proceedings/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setServerError(err);
      const p = toProblem(err);
      if (p.field) setErrors({ [p.field]: t('validation.server') });
      setTimeout(() => errorRef.current?.querySelector<HTMLElement>('[role=alert]')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  if (loading) return <Loading />;
  if (id && !original) return <ErrorBox error={serverError} />;

  const stale = toProblem(serverError).code === 'precondition.version_mismatch';
  return (
    <div>
      <PageTitle>{original ? t('proceedings.edit') : t('proceedings.new')}</PageTitle>
      <div ref={errorRef}>
        <ErrorBox error={serverError} id="form-error" />
        {stale && original && (
          <p>
            <a href={`/proceedings/${encodeURIComponent(original.id)}/edit`}>{t('common.reloadLatest')}</a>
          </p>
        )}
      </div>
      <form onSubmit={submit} noValidate className="form" id="proceeding-form">
        <div className="grid-2">
          <Field id="pr-national_reference" label={t('fields.national_reference')} required error={errors.national_reference}>
            <input
              id="pr-national_reference"
              dir="auto"
              value={value.national_reference}
              onChange={(e) => set('national_reference', e.target.value)}
              maxLength={200}
              {...describe('pr-national_reference', false, errors.national_reference)}
            />
          </Field>
          <Field id="pr-stage" label={t('fields.stage')}>
            <select id="pr-stage" value={value.stage} onChange={(e) => set('stage', e.target.value)}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stage.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="pr-date_referred" label={t('fields.date_referred')} error={errors.date_referred}>
            <input
              id="pr-date_referred"
              type="date"
              value={value.date_referred ?? ''}
              onChange={(e) => set('date_referred', e.target.value || null)}
              {...describe('pr-date_referred', false, errors.date_referred)}
            />
          </Field>
          <Field id="pr-terrorism_type" label={t('fields.terrorism_type')}>
            <select
              id="pr-terrorism_type"
              value={value.terrorism_type ?? ''}
              onChange={(e) => set('terrorism_type', e.target.value || null)}
            >
              <option value="">{t('common.notSpecified')}</option>
              {TERRORISM_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`terrorism.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="pr-legal_qualification-article"
            label={t('fields.legal_qualification.article')}
            error={errors['legal_qualification.article']}
          >
            <input
              id="pr-legal_qualification-article"
              dir="auto"
              value={value.legal_qualification.article}
              maxLength={200}
              onChange={(e) => set('legal_qualification', { ...value.legal_qualification, article: e.target.value })}
            />
          </Field>
          <Field id="pr-sharing_derogation" label={t('fields.sharing_derogation')} hint={t('proceedings.derogationHint')}>
            <select
              id="pr-sharing_derogation"
              value={value.sharing_derogation}
              onChange={(e) => set('sharing_derogation', e.target.value)}
              aria-describedby="pr-sharing_derogation-hint"
            >
              {DEROGATIONS.map((s) => (
                <option key={s} value={s}>
                  {t(`derogation.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id="pr-legal_qualification-text" label={t('fields.legal_qualification.text')}>
          <textarea
            id="pr-legal_qualification-text"
            dir="auto"
            rows={2}
            value={value.legal_qualification.text}
            onChange={(e) => set('legal_qualification', { ...value.legal_qualification, text: e.target.value })}
          />
        </Field>
        <div className="grid-2">
          <CheckGroup
            legend={t('fields.offence_classes')}
            name="offence_classes"
            options={OFFENCE_CLASSES}
            value={value.offence_classes}
            onChange={(v) => set('offence_classes', v)}
            labelPrefix="offence"
          />
          <CheckGroup
            legend={t('fields.crime_nexus')}
            name="crime_nexus"
            options={CRIME_NEXUS}
            value={value.crime_nexus}
            onChange={(v) => set('crime_nexus', v)}
            labelPrefix="nexus"
          />
        </div>
        <Field
          id="pr-group_affiliations"
          label={t('fields.group_affiliations')}
          hint={t('proceedings.groupsHint')}
          error={errors.group_affiliations}
        >
          <textarea
            id="pr-group_affiliations"
            dir="auto"
            rows={2}
            value={groupsText}
            onChange={(e) => setGroupsText(e.target.value)}
            {...describe('pr-group_affiliations', true, errors.group_affiliations)}
          />
        </Field>
        <fieldset className="group">
          <legend>{t('fields.summary.text')}</legend>
          <Field id="pr-summary-lang" label={t('fields.summary.lang')}>
            <select
              id="pr-summary-lang"
              value={value.summary.lang}
              onChange={(e) => set('summary', { ...value.summary, lang: e.target.value })}
            >
              {SUMMARY_LANGS.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="pr-summary-text" label={t('fields.summary.text')} error={errors['summary.text']}>
            <textarea
              id="pr-summary-text"
              dir="auto"
              lang={value.summary.lang}
              rows={5}
              value={value.summary.text}
              onChange={(e) => set('summary', { ...value.summary, text: e.target.value })}
            />
          </Field>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} id="proceeding-save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <Link
            href={original ? `/proceedings/${encodeURIComponent(original.id)}` : '/proceedings'}
            className="btn"
          >
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
