import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, isLang, setLanguage } from '../i18n';
import { useApp } from '../state';

export function LanguageSwitch({ id = 'language-select' }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const { user } = useApp();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          if (isLang(e.target.value)) void setLanguage(e.target.value, user?.username);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
