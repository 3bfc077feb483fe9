// Pure logic of the request desk screens: which side took a step, which fields a channel asks
// for, where a review problem belongs in the form, and the countdown arithmetic. The server stays the
// judge (completeness review, transitions); these tables only decide what the UI offers.
import {
  WRITER_ROLES, type Channel, type ClockPeriod, type CoopRequest, type RequestDeadline, type RequestExtension, type RequestInput,
  type ReviewProblem, type Role,
} from './api/types';
import { INTL_LOCALES, isLang } from './i18n';

export type Side = 'issuing' | 'executing' | 'either';

// Who takes each transition (domain/request_workflow.cc). The server sends in next_states only the steps
// of the caller's side; this table only names who took a past step in the timeline.
const ISSUER_STEPS = new Set(['validated', 'draft', 'sent', 'issued', 'withdrawn', 'results_received']);

export function sideOf(channel: Channel, from: string, to: string): Side {
  if (to === 'delivered' || to === 'received_by_provider') return 'either';
  if (to === 'under_review' && from === 'information_requested') return 'either';
  if (channel === 'spontaneous_information' && to === 'closed') return 'either';
  if (to === 'closed') return 'issuing';
  if (ISSUER_STEPS.has(to)) return 'issuing';
  return 'executing';
}

export function mySide(request: Pick<CoopRequest, 'issuing_country' | 'executing_country'>, country: string): Side | null {
  const issuing = request.issuing_country === country;
  const executing = request.executing_country === country;
  if (issuing && executing) return 'either';
  if (issuing) return 'issuing';
  if (executing) return 'executing';
  return null;
}

// States with no way out in any channel: the request is over (nothing more can be attached either).
export const FINAL_STATES = new Set<string>(['closed', 'withdrawn']);

// Steps that end or refuse the request: the UI asks for confirmation first.
export const CONFIRM_STEPS = new Set<string>(['refused', 'withdrawn', 'objected', 'cannot_comply', 'closed']);

// Receipts: the states whose timestamp proves a hand-over (sent, delivered, acknowledged…).
export const RECEIPT_STATES = new Set<string>(['sent', 'delivered', 'acknowledged', 'issued', 'received_by_provider']);

export function isProviderChannel(channel: Channel): boolean {
  return (
    channel === 'european_production_order' || channel === 'european_preservation_order' || channel === 'voluntary_disclosure'
  );
}

const TREATY_MEASURES = [
  'hearing_witness', 'hearing_suspect', 'hearing_by_videoconference', 'search_and_seizure', 'production_of_documents',
  'banking_information', 'monitoring_of_bank_accounts', 'interception_of_telecommunications', 'electronic_data',
  'covert_investigation', 'controlled_delivery', 'freezing_of_assets', 'identification_of_person',
  'temporary_transfer_of_detainee',
];
const ELECTRONIC = ['subscriber', 'identification', 'traffic', 'content'];
const ANY_DATA = [...ELECTRONIC, 'banking', 'documents'];

export interface ChannelForm {
  measures: string[];
  dataCategories: string[];
  needsAuthorityKind: boolean;
  needsLegalQualification: boolean;
  acceptsRequestedDeadline: boolean;
}

// What each channel asks (domain/request_completeness.cc, kChannelRules).
export const CHANNEL_FORM: Record<Channel, ChannelForm> = {
  mutual_legal_assistance: {
    measures: TREATY_MEASURES, dataCategories: ANY_DATA, needsAuthorityKind: false, needsLegalQualification: true, acceptsRequestedDeadline: true,
  },
  european_investigation_order: {
    measures: TREATY_MEASURES, dataCategories: ANY_DATA, needsAuthorityKind: true, needsLegalQualification: true, acceptsRequestedDeadline: true,
  },
  european_production_order: {
    measures: ['production'], dataCategories: ELECTRONIC, needsAuthorityKind: true, needsLegalQualification: true, acceptsRequestedDeadline: false,
  },
  european_preservation_order: {
    measures: ['preservation'], dataCategories: ELECTRONIC, needsAuthorityKind: true, needsLegalQualification: true, acceptsRequestedDeadline: false,
  },
  budapest_request: {
    measures: ['expedited_preservation', 'expedited_disclosure_of_traffic_data', 'access_to_stored_data'],
    dataCategories: ELECTRONIC, needsAuthorityKind: false, needsLegalQualification: true, acceptsRequestedDeadline: true,
  },
  voluntary_disclosure: {
    measures: ['voluntary_disclosure', 'emergency_disclosure'], dataCategories: ELECTRONIC, needsAuthorityKind: false,
    needsLegalQualification: true, acceptsRequestedDeadline: true,
  },
  spontaneous_information: {
    measures: ['information'], dataCategories: ANY_DATA, needsAuthorityKind: false, needsLegalQualification: false, acceptsRequestedDeadline: false,
  },
};

// Languages each executing country accepts (Directive 2014/41/EU art. 5(2) and the bilateral treaties).
export const ACCEPTED_LANGUAGES: Record<string, string[]> = { MA: ['ar', 'fr'], FR: ['fr'], BE: ['fr', 'nl'], ES: ['es'] };

// The language of the printable document for the executing country.
export function executingLanguage(country: string): string {
  return ACCEPTED_LANGUAGES[country]?.[0] ?? 'en';
}

// Time zone where each member country's deadlines are counted (clocks/, DESIGN.md).
export const COUNTRY_TIME_ZONES: Record<string, string> = {
  MA: 'Africa/Casablanca', FR: 'Europe/Paris', BE: 'Europe/Brussels', ES: 'Europe/Madrid',
};

export const AUTHORITY_COUNTRY: Record<string, string> = {
  'ma-pmp': 'MA', 'ma-pg-rabat': 'MA', 'fr-pnat': 'FR', 'be-federal': 'BE', 'es-fan': 'ES',
};

// Which channels a country can use towards a partner (the review flags the others anyway).
export function channelsFrom(country: string): Channel[] {
  const eu = ['FR', 'BE', 'ES'].includes(country);
  return [
    'mutual_legal_assistance',
    ...(eu ? (['european_investigation_order', 'european_production_order', 'european_preservation_order'] as Channel[]) : []),
    'budapest_request', 'voluntary_disclosure', 'spontaneous_information',
  ];
}

// DOM id of the input for a field path of the API ("measures[0].link_to_facts" → "rq-measures-0-link_to_facts").
export function fieldId(path: string): string {
  return `rq-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

// Review problems grouped by the form field that shows them. A problem on an element of a list of
// codes (data_categories[1], person_ids[0], languages[0]) is shown by the list's group; parties the
// form does not edit (issuing, issuing_country, proceeding_id) go to the summary only.
const GROUPED_LISTS = ['data_categories', 'person_ids', 'languages'];
export function problemsByField(problems: ReviewProblem[]): Map<string, ReviewProblem[]> {
  const out = new Map<string, ReviewProblem[]>();
  for (const p of problems) {
    let key = p.field || '_';
    for (const g of GROUPED_LISTS) if (key.startsWith(`${g}[`)) key = g;
    if (key === 'executing_country' || key === 'executing') key = 'executing';
    const list = out.get(key) ?? [];
    list.push(p);
    out.set(key, list);
  }
  return out;
}

// Dates in the form are calendar days; the API takes instants. A time frame covers whole days (UTC).
export function dayStart(day: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : null;
}
export function dayEnd(day: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59Z` : null;
}
export function dayOf(instant: string | null | undefined): string {
  return instant ? instant.slice(0, 10) : '';
}

// Offset of a time zone from UTC at an instant, in milliseconds (Europe/Paris in winter: +3600000).
const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat>();
export function zoneOffset(at: number, timeZone: string): number {
  let format = ZONE_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    ZONE_FORMATS.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000;
}

// A deadline the issuer sets as a calendar day ends at 23:59:59 on that day where the executing
// party must act (the counting rule of docs/request-desk.md); UTC when the zone is unknown.
export function endOfDayIn(day: string, timeZone: string | undefined): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  if (!timeZone) return `${day}T23:59:59Z`;
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, 23, 59, 59);
  let at = wall - zoneOffset(wall, timeZone);
  at = wall - zoneOffset(at, timeZone); // again, in case a clock change lies in between
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

// The calendar day of an instant in a time zone (the inverse of endOfDayIn for the form).
export function dayIn(instant: string | null | undefined, timeZone: string | undefined): string {
  if (!instant) return '';
  if (!timeZone) return dayOf(instant);
  const at = new Date(instant).getTime();
  return new Date(at + zoneOffset(at, timeZone)).toISOString().slice(0, 10);
}

// A draft as the form edits it, and back.
export function emptyInput(proceedingId: string, channel: Channel): RequestInput {
  return {
    proceeding_id: proceedingId, channel, legal_basis: '', issuing_authority_kind: '', validating_authority_kind: '',
    executing: '', executing_country: '', provider: '', measures: [{ type: '', description: '', link_to_facts: '' }],
    person_ids: [], identifiers: [], data_categories: [], time_frame: { from: null, to: null }, languages: [],
    urgency: 'normal', urgency_justification: '', summary_of_facts: { lang: '', text: '' },
    legal_qualification: { article: '', text: '' }, confidentiality: { requested: false, reason: '' },
    requested_deadline: null,
  };
}

export function inputOf(r: CoopRequest): RequestInput {
  return {
    channel: r.channel, legal_basis: r.legal_basis, issuing_authority_kind: r.issuing_authority_kind,
    validating_authority_kind: r.validating_authority_kind, executing: r.executing, executing_country: r.executing_country,
    provider: r.provider, measures: r.measures.map((m) => ({ ...m })), person_ids: [...r.person_ids],
    identifiers: r.identifiers.map((i) => ({ ...i })), data_categories: [...r.data_categories],
    time_frame: { ...r.time_frame }, languages: [...r.languages], urgency: r.urgency,
    urgency_justification: r.urgency_justification, summary_of_facts: { ...r.summary_of_facts },
    legal_qualification: { ...r.legal_qualification }, confidentiality: { ...r.confidentiality },
    requested_deadline: r.requested_deadline,
  };
}

// ---- Deadline extensions ------------------------------------------------------------------------

// Whether this user may grant a deadline's extension: a writer, the deadline open and extendable (not
// yet extended), and the user's side the one that grants it (or both sides, within one country).
export function mayExtend(deadline: RequestDeadline, side: Side | null, role: Role): boolean {
  if (!WRITER_ROLES.includes(role)) return false;
  if (!deadline.extendable || deadline.extended || deadline.status !== 'open') return false;
  if (!side || !deadline.extension_by) return false;
  return side === 'either' || side === deadline.extension_by;
}

// The extension granted to a deadline kind (the latest, should there ever be more than one).
export function extensionOf(extensions: RequestExtension[] | undefined, kind: string): RequestExtension | undefined {
  return [...(extensions ?? [])].reverse().find((e) => e.kind === kind);
}

// A clock period in words, plural rules included: "30 days" / "30 jours" / "30 يومًا", "8 hours".
export function formatPeriod(period: ClockPeriod, lang: string): string {
  const loc = isLang(lang) ? INTL_LOCALES[lang] : lang;
  const unit = { hours: 'hour', days: 'day', weeks: 'week', months: 'month' }[period.unit] ?? 'day';
  return new Intl.NumberFormat(loc, { style: 'unit', unit, unitDisplay: 'long' }).format(period.amount);
}

// ---- Countdowns -------------------------------------------------------------------------------

export interface Remaining {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  totalMs: number;
}

export function remaining(dueAt: string, now: number): Remaining {
  const diff = new Date(dueAt).getTime() - now;
  const abs = Math.abs(diff);
  const s = Math.floor(abs / 1000);
  return {
    overdue: diff < 0,
    days: Math.floor(s / 86400),
    hours: Math.floor((s % 86400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
    totalMs: diff,
  };
}

function unit(n: number, u: string, loc: string): string {
  return new Intl.NumberFormat(loc, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
}

// "3 days 4 hr 12 min" per locale; within the last day also the seconds, so that an emergency's
// 8-hour clock visibly ticks.
export function formatDuration(r: Remaining, lang: string): string {
  const loc = isLang(lang) ? INTL_LOCALES[lang] : lang;
  const parts: string[] = [];
  if (r.days) parts.push(unit(r.days, 'day', loc));
  if (r.days || r.hours) parts.push(unit(r.hours, 'hour', loc));
  parts.push(unit(r.minutes, 'minute', loc));
  if (!r.days) parts.push(unit(r.seconds, 'second', loc));
  try {
    return new Intl.ListFormat(loc, { style: 'narrow', type: 'unit' }).format(parts);
  } catch {
    return parts.join(' ');
  }
}

// A due instant in the user's locale and time zone (or a given zone), with the zone's name.
export function formatDue(iso: string, lang: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const loc = isLang(lang) ? INTL_LOCALES[lang] : lang;
  return new Intl.DateTimeFormat(loc, {
    dateStyle: 'medium', timeStyle: 'short', timeZone,
  }).format(d) + ` (${zoneName(d, loc, timeZone)})`;
}

function zoneName(d: Date, loc: string, timeZone?: string): string {
  try {
    const parts = new Intl.DateTimeFormat(loc, { timeZone, timeZoneName: 'short' }).formatToParts(d);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return timeZone ?? '';
  }
}
