import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import {
  COUNTRIES, DOCUMENT_TYPES, IDENTIFIER_TYPES, NAME_KINDS, SEXES,
  type Identifier, type IdentityDocument, type Person, type PersonInput, type PersonName,
} from '../api/types';
import { ErrorBox, Field, Loading, PageTitle, describe, toProblem } from '../components/common';
import { countryName, isValidPartialDate } from '../format';
import { LANGUAGES, LANGUAGE_NAMES } from '../i18n';
import { Link, navigate } from '../router';

type Errors = Partial<Record<string, string>>;

const emptyName = (): PersonName => ({ full: '', kind: 'primary', given: '', family: '', patronymic: '', tribal: '', lang: '' });

export function emptyPerson(): PersonInput {
  return {
    names: [emptyName()],
    birth_date: null,
    birth_place: '',
    sex: 'unknown',
    nationalities: [],
    documents: [],
    identifiers: [],
  };
}

function toInput(p: Person): PersonInput {
  return {
    names: p.names.map((n) => ({ ...emptyName(), ...n })),
    birth_date: p.birth_date,
    birth_place: p.birth_place,
    sex: p.sex,
    nationalities: [...p.nationalities],
    documents: p.documents.map((d) => ({ ...d })),
    identifiers: p.identifiers.map((i) => ({ ...i })),
  };
}

// Client-side checks matching the contract; keys are the server's field paths (names[0].full ...).
export function validatePerson(v: PersonInput, t: (k: string) => string): Errors {
  const e: Errors = {};
  if (v.names.length === 0) e.names = t('validation.oneName');
  v.names.forEach((n, i) => {
    if (!n.full.trim()) e[`names[${i}].full`] = t('validation.required');
    else if (n.full.length > 200) e[`names[${i}].full`] = t('validation.tooLong');
  });
  if (v.birth_date && !isValidPartialDate(v.birth_date)) e.birth_date = t('validation.partialDate');
  if (v.nationalities.some((c) => !/^[A-Z]{2}$/.test(c))) e.nationalities = t('validation.countryCode');
  v.documents.forEach((d, i) => {
    if (!d.number.trim()) e[`documents[${i}].number`] = t('validation.required');
    if (d.issuing_country && !/^[A-Z]{2}$/.test(d.issuing_country))
      e[`documents[${i}].issuing_country`] = t('validation.countryCode');
  });
  v.identifiers.forEach((d, i) => {
    if (!d.value.trim()) e[`identifiers[${i}].value`] = t('validation.required');
  });
  for (const k of ['names', 'documents', 'identifiers'] as const) {
    if (v[k].length > 50) e[k] = t('validation.tooMany');
  }
  return e;
}

// The body sent: trimmed values, the script left to the server to detect from the text.
export function personBody(v: PersonInput): PersonInput {
  return {
    names: v.names.map((n) => {
      const out: PersonName = { full: n.full.trim(), kind: n.kind || 'primary' };
      for (const k of ['given', 'family', 'patronymic', 'tribal', 'lang'] as const) {
        const val = (n[k] ?? '').trim();
        if (val) out[k] = val;
      }
      return out;
    }),
    birth_date: v.birth_date?.trim() ? v.birth_date.trim() : null,
    birth_place: v.birth_place.trim(),
    sex: v.sex,
    nationalities: v.nationalities,
    documents: v.documents.map((d) => ({ type: d.type, number: d.number.trim(), issuing_country: d.issuing_country })),
    identifiers: v.identifiers.map((d) => ({ type: d.type, value: d.value.trim() })),
  };
}

const fid = (path: string) => `pe-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

export function PersonForm({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [original, setOriginal] = useState<Person | null>(null);
  const [value, setValue] = useState<PersonInput>(emptyPerson);
  const [otherNat, setOtherNat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [loading, setLoading] = useState(!!id);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!id) return;
    let live = true;
    api.getPerson(id).then(
      (p) => {
        if (!live) return;
        setOriginal(p);
        const input = toInput(p);
        setValue({ ...input, nationalities: input.nationalities.filter((c) => (COUNTRIES as readonly string[]).includes(c)) });
        setOtherNat(input.nationalities.filter((c) => !(COUNTRIES as readonly string[]).includes(c)).join(' '));
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

  const setName = (i: number, patch: Partial<PersonName>) =>
    setValue((s) => ({ ...s, names: s.names.map((n, j) => (j === i ? { ...n, ...patch } : n)) }));
  const setDoc = (i: number, patch: Partial<IdentityDocument>) =>
    setValue((s) => ({ ...s, documents: s.documents.map((n, j) => (j === i ? { ...n, ...patch } : n)) }));
  const setIdent = (i: number, patch: Partial<Identifier>) =>
    setValue((s) => ({ ...s, identifiers: s.identifiers.map((n, j) => (j === i ? { ...n, ...patch } : n)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const others = otherNat.toUpperCase().split(/[\s,;]+/).filter(Boolean);
    const current = { ...value, nationalities: [...new Set([...value.nationalities, ...others])] };
    const errs = validatePerson(current, t);
    setErrors(errs);
    setServerError(null);
    if (Object.keys(errs).length) {
      document.getElementById(fid(Object.keys(errs)[0]))?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = personBody(current);
      const saved = original ? await api.updatePerson(original.id, original.version, body) : await api.createPerson(body);
      navigate(`/persons/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setServerError(err);
      const p = toProblem(err);
      if (p.field) setErrors({ [p.field]: t('validation.server') });
      setTimeout(() => errorRef.current?.scrollIntoView?.({ block: 'center' }), 0);
    } finally {
      setBusy(false);
    }
  };

  if (loading) return <Loading />;
  if (id && !original) return <ErrorBox error={serverError} />;

  const stale = toProblem(serverError).code === 'precondition.version_mismatch';
  return (
    <div>
      <PageTitle>{original ? t('persons.edit') : t('persons.new')}</PageTitle>
      <div ref={errorRef}>
        <ErrorBox error={serverError} id="form-error" />
        {stale && original && (
          <p>
            <a href={`/persons/${encodeURIComponent(original.id)}/edit`}>{t('common.reloadLatest')}</a>
          </p>
        )}
      </div>
      <form onSubmit={submit} noValidate className="form" id="person-form">
        <fieldset className="group">
          <legend>{t('persons.names')}</legend>
          <p className="hint">{t('persons.namesHint')}</p>
          {errors.names && <p className="field-error">{errors.names}</p>}
          {value.names.map((n, i) => (
            <div className="repeat" key={i} role="group" aria-label={t('persons.nameN', { n: i + 1 })}>
              <div className="repeat-head">
                <h3>{t('persons.nameN', { n: i + 1 })}</h3>
                {value.names.length > 1 && (
                  <button
                    type="button"
                    className="btn btn-link"
                    onClick={() => setValue((s) => ({ ...s, names: s.names.filter((_, j) => j !== i) }))}
                  >
                    {t('common.remove')}
                  </button>
                )}
              </div>
              <div className="grid-3">
                <div className="span-2">
                  <Field id={fid(`names[${i}].full`)} label={t('fields.names.full')} required error={errors[`names[${i}].full`]}>
                    <input
                      id={fid(`names[${i}].full`)}
                      className="name-input"
                      dir="auto"
                      value={n.full}
                      maxLength={200}
                      onChange={(e) => setName(i, { full: e.target.value })}
                      {...describe(fid(`names[${i}].full`), false, errors[`names[${i}].full`])}
                    />
                  </Field>
                </div>
                <Field id={fid(`names[${i}].kind`)} label={t('fields.names.kind')}>
                  <select id={fid(`names[${i}].kind`)} value={n.kind ?? 'primary'} onChange={(e) => setName(i, { kind: e.target.value })}>
                    {NAME_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`nameKind.${k}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                {(['given', 'family', 'patronymic', 'tribal'] as const).map((part) => (
                  <Field key={part} id={fid(`names[${i}].${part}`)} label={t(`fields.names.${part}`)}>
                    <input
                      id={fid(`names[${i}].${part}`)}
                      className="name-input"
                      dir="auto"
                      value={n[part] ?? ''}
                      maxLength={200}
                      onChange={(e) => setName(i, { [part]: e.target.value })}
                    />
                  </Field>
                ))}
                <Field id={fid(`names[${i}].lang`)} label={t('fields.names.lang')}>
                  <select id={fid(`names[${i}].lang`)} value={n.lang ?? ''} onChange={(e) => setName(i, { lang: e.target.value })}>
                    <option value="">{t('common.notSpecified')}</option>
                    {LANGUAGES.map((l) => (
                      <option key={l} value={l} lang={l}>
                        {LANGUAGE_NAMES[l]}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
            </div>
          ))}
          <button
            type="button"
            className="btn"
            id="add-name"
            onClick={() => setValue((s) => ({ ...s, names: [...s.names, { ...emptyName(), kind: 'alias' }] }))}
          >
            {t('persons.addName')}
          </button>
        </fieldset>

        <fieldset className="group">
          <legend>{t('persons.identity')}</legend>
          <div className="grid-3">
            <Field id="pe-birth_date" label={t('fields.birth_date')} hint={t('persons.birthDateHint')} error={errors.birth_date}>
              <input
                id="pe-birth_date"
                dir="ltr"
                inputMode="numeric"
                placeholder="1990-05"
                value={value.birth_date ?? ''}
                onChange={(e) => setValue((s) => ({ ...s, birth_date: e.target.value }))}
                {...describe('pe-birth_date', true, errors.birth_date)}
              />
            </Field>
            <Field id="pe-birth_place" label={t('fields.birth_place')}>
              <input
                id="pe-birth_place"
                dir="auto"
                value={value.birth_place}
                maxLength={200}
                onChange={(e) => setValue((s) => ({ ...s, birth_place: e.target.value }))}
              />
            </Field>
            <Field id="pe-sex" label={t('fields.sex')}>
              <select
                id="pe-sex"
                value={value.sex}
                onChange={(e) => setValue((s) => ({ ...s, sex: e.target.value as PersonInput['sex'] }))}
              >
                {SEXES.map((k) => (
                  <option key={k} value={k}>
                    {t(`sex.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <fieldset className="checks">
            <legend>{t('fields.nationalities')}</legend>
            {COUNTRIES.map((c) => (
              <label key={c} className="check">
                <input
                  type="checkbox"
                  value={c}
                  checked={value.nationalities.includes(c)}
                  onChange={(e) =>
                    setValue((s) => ({
                      ...s,
                      nationalities: e.target.checked ? [...s.nationalities, c] : s.nationalities.filter((x) => x !== c),
                    }))
                  }
                />{' '}
                {countryName(c, lang)}
              </label>
            ))}
            <Field id="pe-nationalities" label={t('persons.otherNationalities')} hint={t('persons.otherNationalitiesHint')} error={errors.nationalities}>
              <input
                id="pe-nationalities"
                dir="ltr"
                value={otherNat}
                onChange={(e) => setOtherNat(e.target.value)}
                {...describe('pe-nationalities', true, errors.nationalities)}
              />
            </Field>
          </fieldset>
        </fieldset>

        <fieldset className="group">
          <legend>{t('persons.documents')}</legend>
          {value.documents.length === 0 && <p className="hint">{t('persons.noDocuments')}</p>}
          {value.documents.map((d, i) => (
            <div className="repeat repeat-inline" key={i} role="group" aria-label={t('persons.documentN', { n: i + 1 })}>
              <Field id={fid(`documents[${i}].type`)} label={t('fields.documents.type')}>
                <select id={fid(`documents[${i}].type`)} value={d.type} onChange={(e) => setDoc(i, { type: e.target.value })}>
                  {DOCUMENT_TYPES.map((k) => (
                    <option key={k} value={k}>
                      {t(`docType.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={fid(`documents[${i}].number`)} label={t('fields.documents.number')} required error={errors[`documents[${i}].number`]}>
                <input
                  id={fid(`documents[${i}].number`)}
                  dir="ltr"
                  value={d.number}
                  maxLength={200}
                  onChange={(e) => setDoc(i, { number: e.target.value })}
                  {...describe(fid(`documents[${i}].number`), false, errors[`documents[${i}].number`])}
                />
              </Field>
              <Field id={fid(`documents[${i}].issuing_country`)} label={t('fields.documents.issuing_country')} error={errors[`documents[${i}].issuing_country`]}>
                <select
                  id={fid(`documents[${i}].issuing_country`)}
                  value={d.issuing_country}
                  onChange={(e) => setDoc(i, { issuing_country: e.target.value })}
                >
                  <option value="">{t('common.notSpecified')}</option>
                  {[...new Set([...COUNTRIES, ...(d.issuing_country ? [d.issuing_country] : [])])].map((c) => (
                    <option key={c} value={c}>
                      {countryName(c, lang)}
                    </option>
                  ))}
                </select>
              </Field>
              <button
                type="button"
                className="btn btn-link"
                onClick={() => setValue((s) => ({ ...s, documents: s.documents.filter((_, j) => j !== i) }))}
              >
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn"
            id="add-document"
            onClick={() =>
              setValue((s) => ({ ...s, documents: [...s.documents, { type: 'passport', number: '', issuing_country: '' }] }))
            }
          >
            {t('persons.addDocument')}
          </button>
        </fieldset>

        <fieldset className="group">
          <legend>{t('persons.identifiers')}</legend>
          {value.identifiers.length === 0 && <p className="hint">{t('persons.noIdentifiers')}</p>}
          {value.identifiers.map((d, i) => (
            <div className="repeat repeat-inline" key={i} role="group" aria-label={t('persons.identifierN', { n: i + 1 })}>
              <Field id={fid(`identifiers[${i}].type`)} label={t('fields.identifiers.type')}>
                <select id={fid(`identifiers[${i}].type`)} value={d.type} onChange={(e) => setIdent(i, { type: e.target.value })}>
                  {IDENTIFIER_TYPES.map((k) => (
                    <option key={k} value={k}>
                      {t(`identType.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={fid(`identifiers[${i}].value`)} label={t('fields.identifiers.value')} required error={errors[`identifiers[${i}].value`]}>
                <input
                  id={fid(`identifiers[${i}].value`)}
                  dir="ltr"
                  value={d.value}
                  maxLength={200}
                  onChange={(e) => setIdent(i, { value: e.target.value })}
                  {...describe(fid(`identifiers[${i}].value`), false, errors[`identifiers[${i}].value`])}
                />
              </Field>
              <button
                type="button"
                className="btn btn-link"
                onClick={() => setValue((s) => ({ ...s, identifiers: s.identifiers.filter((_, j) => j !== i) }))}
              >
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn"
            id="add-identifier"
            onClick={() => setValue((s) => ({ ...s, identifiers: [...s.identifiers, { type: 'phone', value: '' }] }))}
          >
            {t('persons.addIdentifier')}
          </button>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} id="person-save">
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <Link href={original ? `/persons/${encodeURIComponent(original.id)}` : '/persons'} className="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
