// problem+json code → translated message. The table lives in each locale under `errors`
// (a code "auth.locked" is the key errors.auth.locked). Unknown codes fall back to a generic message,
// with the server's English detail beside it; raw JSON is never shown.
import type { i18n as I18n } from 'i18next';
import type { Problem } from '../api/types';

export interface ProblemText {
  message: string;
  field?: string; // the translated label of the field concerned, when known
  detail?: string; // the server's English detail, shown only for unknown codes
}

function lookup(i18n: I18n, key: string): string | null {
  const v = i18n.getResource(i18n.language, 'translation', key);
  return typeof v === 'string' ? v : null;
}

// "names[1].full" → label of fields.names.full, with the ordinal of the entry.
export function fieldLabel(i18n: I18n, field: string): string | undefined {
  const indexes: number[] = [];
  const path = field.replace(/\[(\d+)\]/g, (_, n: string) => {
    indexes.push(Number(n) + 1);
    return '';
  });
  const label = lookup(i18n, `fields.${path}`) ?? lookup(i18n, `fields.${path}.label`);
  if (!label) return undefined;
  return indexes.length ? `${label} (${indexes.join(', ')})` : label;
}

export function translateProblem(i18n: I18n, problem: Problem): ProblemText {
  const field = problem.field ? fieldLabel(i18n, problem.field) : undefined;
  const exact = lookup(i18n, `errors.${problem.code}`);
  if (exact) return { message: exact, field };
  const family = problem.code.split('.')[0];
  const byFamily = lookup(i18n, `errors.family.${family}`);
  if (byFamily) return { message: byFamily, field, detail: problem.detail };
  return { message: lookup(i18n, 'errors.generic') ?? 'Error', field, detail: problem.detail };
}
