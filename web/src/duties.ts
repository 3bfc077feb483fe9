// Pure logic of the duty roster: local wall-clock time in a country ↔ UTC, the roster's groups, the
// form's checks, and to whom a notification is addressed.
import type { DeskNotification, Duty, DutyKind } from './api/types';
import { zoneOffset } from './requests';

export const MAX_ON_CALL_MS = 31 * 86400000; // domain::kMaxOnCallShift

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function rfc3339(at: number): string {
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

// A wall-clock time "YYYY-MM-DDTHH:mm" (what <input type="datetime-local"> holds) in `timeZone` → RFC 3339
// UTC, or null if it is not a time. At a clock change: a time that does not exist (02:30 on the last
// Sunday of March in Paris) is read with the offset before the change, so it moves forward (03:30 CEST);
// a time that exists twice (02:30 on the last Sunday of October) is the first one (still summer time).
export function zonedToUtc(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  const before = zoneOffset(wall - 86400000, timeZone);
  const after = zoneOffset(wall + 86400000, timeZone);
  const exact = [wall - before, wall - after].filter((at) => zoneOffset(at, timeZone) === wall - at);
  return rfc3339(exact.length ? Math.min(...exact) : wall - before);
}

// An instant → the wall-clock time "YYYY-MM-DDTHH:mm" in `timeZone` (for a datetime-local input).
export function utcToZoned(instant: string | number, timeZone: string): string {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(at)) return '';
  return new Date(at + zoneOffset(at, timeZone)).toISOString().slice(0, 16);
}

export interface Roster {
  onCallNow: Duty[]; // on-call liaison magistrates on duty now
  headsNow: Duty[]; // heads of office now
  upcoming: Duty[]; // not yet started, soonest first
  current: Duty[]; // on duty now, every kind
  past: Duty[]; // ended, most recent first
}

export function rosterOf(duties: Duty[], now: number): Roster {
  const active = (d: Duty) => Date.parse(d.starts_at) <= now && (!d.ends_at || now < Date.parse(d.ends_at));
  const current = duties.filter(active).sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  return {
    onCallNow: current.filter((d) => d.duty === 'on_call_liaison'),
    headsNow: current.filter((d) => d.duty === 'head_of_office'),
    current,
    upcoming: duties.filter((d) => Date.parse(d.starts_at) > now).sort((a, b) => a.starts_at.localeCompare(b.starts_at)),
    past: duties
      .filter((d) => d.ends_at !== null && Date.parse(d.ends_at) <= now)
      .sort((a, b) => (b.ends_at ?? '').localeCompare(a.ends_at ?? '')),
  };
}

export interface DutyForm {
  duty: DutyKind;
  user_id: string;
  starts: string; // local wall-clock time
  ends: string;
}

export type DutyErrorKey = 'required' | 'invalid' | 'endsBeforeStart' | 'tooLong';

// The form's own checks (the server's rules of domain/duty.cc), by API field; and the body to send.
export function checkDuty(form: DutyForm, timeZone: string): { errors: Record<string, DutyErrorKey>; body?: {
  duty: DutyKind; user_id: string; starts_at: string; ends_at?: string;
} } {
  const errors: Record<string, DutyErrorKey> = {};
  if (!form.user_id) errors.user_id = 'required';
  const starts = form.starts ? zonedToUtc(form.starts, timeZone) : null;
  if (!form.starts) errors.starts_at = 'required';
  else if (!starts) errors.starts_at = 'invalid';
  const ends = form.ends ? zonedToUtc(form.ends, timeZone) : null;
  if (!form.ends) {
    if (form.duty === 'on_call_liaison') errors.ends_at = 'required';
  } else if (!ends) {
    errors.ends_at = 'invalid';
  } else if (starts && Date.parse(ends) <= Date.parse(starts)) {
    errors.ends_at = 'endsBeforeStart';
  } else if (starts && form.duty === 'on_call_liaison' && Date.parse(ends) - Date.parse(starts) > MAX_ON_CALL_MS) {
    errors.ends_at = 'tooLong';
  }
  if (Object.keys(errors).length || !starts) return { errors };
  return { errors, body: { duty: form.duty, user_id: form.user_id, starts_at: starts, ...(ends ? { ends_at: ends } : {}) } };
}

// The duty a notification goes to by name: emergencies and first-level escalations to the on-call
// liaison magistrate, second-level escalations to the head of office.
export function dutyOf(n: Pick<DeskNotification, 'kind' | 'role'>): DutyKind | null {
  if (n.kind === 'emergency' || n.kind === 'emergency_follow_up') return 'on_call_liaison';
  if (n.kind === 'escalation') return n.role === 'head_of_office' ? 'head_of_office' : 'on_call_liaison';
  return null;
}

// To whom a notification is addressed, seen by `userId`:
//  desk       no one by name: the whole desk of the country;
//  onDuty     to me, and the roster shows I held the duty when it was sent (on call, head of office);
//  everyone   to me, but I held no such duty: nobody was on call, every liaison magistrate was alerted;
//  you        to me, the roster unknown (not loaded);
//  others     to named colleagues, not to me (the server does not list those; kept for safety).
export type Addressee = 'desk' | 'onDuty' | 'everyone' | 'you' | 'others';

export function addresseeOf(
  n: Pick<DeskNotification, 'kind' | 'role' | 'created_at' | 'recipients' | 'addressed_as'>,
  userId: string,
  duties?: Duty[] | null,
): Addressee {
  const recipients = n.recipients ?? [];
  if (recipients.length === 0) return 'desk';
  if (!recipients.includes(userId)) return 'others';
  // The server kept why; the roster is read only for notifications older than that.
  if (n.addressed_as === 'duty') return 'onDuty';
  if (n.addressed_as === 'liaison_magistrates') return 'everyone';
  const kind = dutyOf(n);
  if (!duties || !kind) return 'you';
  const at = Date.parse(n.created_at);
  const held = duties.some(
    (d) => d.user_id === userId && d.duty === kind && Date.parse(d.starts_at) <= at && (!d.ends_at || at < Date.parse(d.ends_at)),
  );
  return held ? 'onDuty' : 'everyone';
}

export function addressedToMe(n: Pick<DeskNotification, 'recipients'>, userId: string): boolean {
  return (n.recipients ?? []).includes(userId);
}

// Whether telling why a notification reached this user needs the roster (it does not say itself).
export function needsRosterToExplain(n: Pick<DeskNotification, 'recipients' | 'addressed_as'>, userId: string): boolean {
  return addressedToMe(n, userId) && !n.addressed_as;
}

// An emergency stays on top of the dashboard until a day after its deadline (or its sending).
export const EMERGENCY_SHOWN_MS = 86400000;
export function isCurrentEmergency(n: Pick<DeskNotification, 'kind' | 'due_at' | 'created_at'>, now: number): boolean {
  if (n.kind !== 'emergency' && n.kind !== 'emergency_follow_up') return false;
  const until = Math.max(Date.parse(n.due_at) || 0, Date.parse(n.created_at) || 0) + EMERGENCY_SHOWN_MS;
  return now < until;
}
