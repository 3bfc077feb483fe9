import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../api/client';
import type { DeskNotification, Duty, User } from '../api/types';
import {
  addresseeOf, checkDuty, isCurrentEmergency, needsRosterToExplain, rosterOf, utcToZoned, zonedToUtc,
} from '../duties';
import i18n, { initI18n } from '../i18n';
import { Dashboard } from '../screens/Dashboard';
import { DutyRoster } from '../screens/DutyRoster';
import { savePurpose } from '../state';
import { found, renderAs } from './render';

const ADMIN: User = { id: 'usr_adm', username: 'fr.admin', country: 'FR', authority: 'fr-pnat', role: 'administrator' };
const LIAISON: User = { id: 'usr_lia', username: 'fr.liaison', country: 'FR', authority: 'fr-pnat', role: 'liaison_magistrate', display_name: 'Claire Liaison' };
const PROSECUTOR: User = { id: 'usr_pro', username: 'fr.prosecutor', country: 'FR', authority: 'fr-pnat', role: 'prosecutor' };

const HOUR = 3600000;
const iso = (at: number) => new Date(at).toISOString();

function duty(overrides: Partial<Duty> = {}): Duty {
  return {
    id: 'dty_1', duty: 'on_call_liaison', user_id: 'usr_lia', display_name: 'Claire Liaison',
    starts_at: iso(Date.now() - HOUR), ends_at: iso(Date.now() + 23 * HOUR), active: true, country: 'FR',
    created_at: iso(Date.now() - 2 * HOUR), ...overrides,
  };
}

function note(overrides: Partial<DeskNotification> = {}): DeskNotification {
  return {
    id: 'emergency:req_e:FR', request_id: 'req_e', kind: 'emergency', deadline_kind: '', level: 0,
    role: 'liaison_magistrate', due_at: iso(Date.now() - 60000), created_at: iso(Date.now() - 60000),
    recipients: ['usr_lia'], ...overrides,
  };
}

beforeEach(async () => {
  initI18n('en');
  await act(() => i18n.changeLanguage('en'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('local time of the country ↔ UTC', () => {
  it('Europe/Paris: winter, summer, and both clock changes of 2026', () => {
    expect(zonedToUtc('2026-01-15T10:00', 'Europe/Paris')).toBe('2026-01-15T09:00:00Z');
    expect(zonedToUtc('2026-07-01T10:00', 'Europe/Paris')).toBe('2026-07-01T08:00:00Z');
    // 29 March: 02:00 → 03:00. Just before and after; 02:30 does not exist and moves to 03:30 CEST.
    expect(zonedToUtc('2026-03-29T01:59', 'Europe/Paris')).toBe('2026-03-29T00:59:00Z');
    expect(zonedToUtc('2026-03-29T03:00', 'Europe/Paris')).toBe('2026-03-29T01:00:00Z');
    expect(zonedToUtc('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00Z');
    // 25 October: 03:00 → 02:00. 02:30 happens twice: the first one (summer time) is taken.
    expect(zonedToUtc('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00Z');
    expect(zonedToUtc('2026-10-25T03:30', 'Europe/Paris')).toBe('2026-10-25T02:30:00Z');
    // And back: the instants read as wall-clock times in Paris.
    expect(utcToZoned('2026-03-29T00:59:00Z', 'Europe/Paris')).toBe('2026-03-29T01:59');
    expect(utcToZoned('2026-03-29T01:00:00Z', 'Europe/Paris')).toBe('2026-03-29T03:00');
    expect(utcToZoned('2026-10-25T00:30:00Z', 'Europe/Paris')).toBe('2026-10-25T02:30');
    expect(utcToZoned('2026-10-25T01:30:00Z', 'Europe/Paris')).toBe('2026-10-25T02:30');
    expect(utcToZoned('2026-12-31T23:30:00Z', 'Europe/Paris')).toBe('2027-01-01T00:30');
  });

  it('Africa/Casablanca: UTC+1, but UTC+0 during Ramadan (15 February – 22 March 2026)', () => {
    expect(zonedToUtc('2026-01-15T10:00', 'Africa/Casablanca')).toBe('2026-01-15T09:00:00Z');
    expect(zonedToUtc('2026-03-01T10:00', 'Africa/Casablanca')).toBe('2026-03-01T10:00:00Z');
    expect(zonedToUtc('2026-07-01T10:00', 'Africa/Casablanca')).toBe('2026-07-01T09:00:00Z');
    // 22 March 2026: 02:00 → 03:00; 02:30 does not exist and moves forward.
    expect(zonedToUtc('2026-03-22T02:30', 'Africa/Casablanca')).toBe('2026-03-22T02:30:00Z');
    expect(utcToZoned('2026-03-01T10:00:00Z', 'Africa/Casablanca')).toBe('2026-03-01T10:00');
    expect(utcToZoned('2026-04-01T10:00:00Z', 'Africa/Casablanca')).toBe('2026-04-01T11:00');
  });

  it('round-trips every hour of 2026 in Paris and Casablanca', () => {
    for (const zone of ['Europe/Paris', 'Africa/Casablanca']) {
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += HOUR) {
        const local = utcToZoned(at, zone);
        const back = zonedToUtc(local, zone)!;
        // A repeated hour reads as its first occurrence; otherwise the instant comes back.
        expect(utcToZoned(back, zone), `${zone} ${iso(at)}`).toBe(local);
      }
    }
    // 17,520 instants take about 0.5 s on an idle machine; the default 5 s is too close on a loaded CI runner.
  }, 30_000);

  it('refuses what is not a time', () => {
    expect(zonedToUtc('', 'Europe/Paris')).toBeNull();
    expect(zonedToUtc('2026-02-30T10:00', 'Europe/Paris')).toBeNull();
    expect(zonedToUtc('2026-02-10 10:00', 'Europe/Paris')).toBeNull();
  });
});

describe('roster logic', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  const d = (id: string, kind: Duty['duty'], starts: string, ends: string | null): Duty =>
    duty({ id, duty: kind, starts_at: starts, ends_at: ends });

  it('groups who is on call now, the head of office, upcoming and past entries', () => {
    const r = rosterOf(
      [
        d('past', 'on_call_liaison', '2026-11-20T08:00:00Z', '2026-11-21T08:00:00Z'),
        d('now', 'on_call_liaison', '2026-11-23T08:00:00Z', '2026-11-24T08:00:00Z'),
        d('head', 'head_of_office', '2026-01-01T00:00:00Z', null),
        d('later', 'on_call_liaison', '2026-11-30T08:00:00Z', '2026-12-01T08:00:00Z'),
        d('soon', 'on_call_liaison', '2026-11-24T08:00:00Z', '2026-11-25T08:00:00Z'),
        d('old', 'on_call_liaison', '2026-11-01T08:00:00Z', '2026-11-02T08:00:00Z'),
      ],
      now,
    );
    expect(r.onCallNow.map((x) => x.id)).toEqual(['now']);
    expect(r.headsNow.map((x) => x.id)).toEqual(['head']);
    expect(r.upcoming.map((x) => x.id)).toEqual(['soon', 'later']);
    expect(r.past.map((x) => x.id)).toEqual(['past', 'old']);
  });

  it('checks the form as the server does and sends UTC', () => {
    const base = { duty: 'on_call_liaison' as const, user_id: 'usr_lia', starts: '2026-03-28T20:00', ends: '2026-03-29T08:00' };
    expect(checkDuty(base, 'Europe/Paris')).toEqual({
      errors: {},
      body: { duty: 'on_call_liaison', user_id: 'usr_lia', starts_at: '2026-03-28T19:00:00Z', ends_at: '2026-03-29T06:00:00Z' },
    });
    expect(checkDuty({ ...base, user_id: '', ends: '' }, 'Europe/Paris').errors).toEqual({ user_id: 'required', ends_at: 'required' });
    expect(checkDuty({ ...base, ends: '2026-03-28T19:00' }, 'Europe/Paris').errors).toEqual({ ends_at: 'endsBeforeStart' });
    expect(checkDuty({ ...base, ends: '2026-04-29T08:00' }, 'Europe/Paris').errors).toEqual({ ends_at: 'tooLong' });
    // A head of office may have no end, and more than 31 days.
    expect(checkDuty({ ...base, duty: 'head_of_office', ends: '' }, 'Europe/Paris').body).toEqual({
      duty: 'head_of_office', user_id: 'usr_lia', starts_at: '2026-03-28T19:00:00Z',
    });
    expect(checkDuty({ ...base, duty: 'head_of_office', ends: '2026-12-31T18:00' }, 'Europe/Paris').errors).toEqual({});
  });

  it('tells to whom a notification is addressed', () => {
    const sent = '2026-11-23T12:00:00Z';
    const onCall = [d('now', 'on_call_liaison', '2026-11-23T08:00:00Z', '2026-11-24T08:00:00Z')];
    const emergency = note({ created_at: sent, recipients: ['usr_lia'] });
    expect(addresseeOf(emergency, 'usr_lia', onCall)).toBe('onDuty');
    expect(addresseeOf(emergency, 'usr_lia', [])).toBe('everyone'); // nobody on call: every liaison magistrate
    expect(addresseeOf(emergency, 'usr_lia', undefined)).toBe('you'); // roster unknown
    expect(addresseeOf(note({ recipients: [] }), 'usr_lia', onCall)).toBe('desk');
    expect(addresseeOf(note({ recipients: undefined }), 'usr_lia', onCall)).toBe('desk');
    expect(addresseeOf(note({ recipients: ['usr_other'] }), 'usr_lia', onCall)).toBe('others');
    // A shift that ended before the notification does not count.
    expect(addresseeOf({ ...emergency, created_at: '2026-11-24T09:00:00Z' }, 'usr_lia', onCall)).toBe('everyone');
    // Second-level escalations go to the head of office.
    const escalation = note({ kind: 'escalation', level: 2, role: 'head_of_office', created_at: sent, recipients: ['usr_lia'] });
    expect(addresseeOf(escalation, 'usr_lia', onCall)).toBe('everyone');
    expect(addresseeOf(escalation, 'usr_lia', [d('h', 'head_of_office', '2026-01-01T00:00:00Z', null)])).toBe('onDuty');
  });

  it('trusts the reason the server kept over today\'s roster, which may have changed since', () => {
    const emergency = note({ created_at: '2026-11-23T12:00:00Z', recipients: ['usr_lia'] });
    const noRoster: Duty[] = [];
    expect(addresseeOf({ ...emergency, addressed_as: 'duty' }, 'usr_lia', noRoster)).toBe('onDuty');
    expect(addresseeOf({ ...emergency, addressed_as: 'duty' }, 'usr_lia', undefined)).toBe('onDuty');
    const onCall = [d('now', 'on_call_liaison', '2026-11-23T08:00:00Z', '2026-11-24T08:00:00Z')];
    expect(addresseeOf({ ...emergency, addressed_as: 'liaison_magistrates' }, 'usr_lia', onCall)).toBe('everyone');
    // Still nobody else's, and still the desk's when nobody is named.
    expect(addresseeOf({ ...emergency, addressed_as: 'duty' }, 'usr_other', onCall)).toBe('others');
    expect(addresseeOf(note({ recipients: [], addressed_as: 'desk' }), 'usr_lia', onCall)).toBe('desk');
    // The roster is needed only for a notification to me that does not say why.
    expect(needsRosterToExplain(emergency, 'usr_lia')).toBe(true);
    expect(needsRosterToExplain({ ...emergency, addressed_as: 'duty' }, 'usr_lia')).toBe(false);
    expect(needsRosterToExplain(emergency, 'usr_other')).toBe(false);
  });

  it('keeps an emergency on top for a day after its deadline', () => {
    const at = Date.parse('2026-11-23T12:00:00Z');
    const n = note({ due_at: '2026-11-23T20:00:00Z', created_at: '2026-11-23T12:00:00Z' });
    expect(isCurrentEmergency(n, at)).toBe(true);
    expect(isCurrentEmergency(n, Date.parse('2026-11-24T19:59:00Z'))).toBe(true);
    expect(isCurrentEmergency(n, Date.parse('2026-11-24T20:01:00Z'))).toBe(false);
    expect(isCurrentEmergency({ ...n, kind: 'escalation' }, at)).toBe(false);
  });
});

describe('duty roster screen', () => {
  it('highlights who is on call now; other roles read it without changing it', async () => {
    vi.spyOn(api, 'duties').mockResolvedValue({
      items: [duty(), duty({ id: 'dty_h', duty: 'head_of_office', user_id: 'usr_pro', display_name: 'Paul Procureur', starts_at: '2026-01-01T00:00:00Z', ends_at: null })],
    });
    const users = vi.spyOn(api, 'users');
    renderAs(LIAISON, <DutyRoster />);
    const now = await screen.findByText('On call now');
    const panel = now.closest('section')!;
    expect(panel.textContent).toContain('Claire Liaison');
    expect(panel.textContent).toContain('(you)');
    expect(panel.querySelector('.countdown')).not.toBeNull();
    expect(document.getElementById('duty-head')!.textContent).toContain('Paul Procureur');
    expect(document.querySelector('#duties-upcoming tr.duty-row-now')).not.toBeNull();
    expect(screen.getByText('Times are in the local time of France (Europe/Paris).')).toBeTruthy();
    expect(screen.getByText('Only the administrator of your country can change the roster.')).toBeTruthy();
    expect(document.getElementById('duty-form')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(users).not.toHaveBeenCalled();
  });

  it('says when nobody is on call and no head of office is set', async () => {
    vi.spyOn(api, 'duties').mockResolvedValue({ items: [] });
    renderAs(PROSECUTOR, <DutyRoster />);
    await screen.findByText(/No one is on call: emergencies and escalations go to every liaison magistrate/);
    expect(screen.getByText(/No head of office is set/)).toBeTruthy();
  });

  it('the administrator adds a shift entered in Paris time, sent in UTC; server field errors sit beside the field', async () => {
    const list = vi.spyOn(api, 'duties').mockResolvedValue({ items: [] });
    vi.spyOn(api, 'users').mockResolvedValue({
      items: [ADMIN, LIAISON, PROSECUTOR, { ...LIAISON, id: 'usr_locked', username: 'old', display_name: 'Old', locked: true }],
    });
    const create = vi
      .spyOn(api, 'createDuty')
      .mockRejectedValueOnce(new ApiError({ status: 422, code: 'validation.invalid_value', field: 'user_id', detail: 'No such user.' }))
      .mockResolvedValueOnce(duty({ starts_at: '2026-03-28T19:00:00Z', ends_at: '2026-03-29T06:00:00Z' }));
    renderAs(ADMIN, <DutyRoster />);
    const person = (await screen.findByLabelText(/^Person/)) as HTMLSelectElement;
    await waitFor(() => expect(person.options.length).toBe(3)); // "choose", the liaison, the prosecutor
    expect([...person.options].map((o) => o.textContent)).toEqual(['— choose —', 'Claire Liaison — Liaison magistrate', 'fr.prosecutor — Prosecutor']);
    // Nothing sent while the form is incomplete.
    fireEvent.change(screen.getByLabelText(/^End/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(document.getElementById('du-user_id-error')!.textContent).toBe('This field is required.');
    expect(document.getElementById('du-ends_at-error')!.textContent).toBe('This field is required.');
    expect(create).not.toHaveBeenCalled();
    fireEvent.change(person, { target: { value: 'usr_lia' } });
    fireEvent.change(screen.getByLabelText(/^Start/), { target: { value: '2026-03-28T20:00' } });
    fireEvent.change(screen.getByLabelText(/^End/), { target: { value: '2026-03-29T08:00' } });
    expect(document.getElementById('du-ends_at-hint')!.textContent).toMatch(/Recorded as 29 Mar 2026, 06:00 \(UTC\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    // The server's problem: translated at the top, and beside the field it names.
    const fieldError = await waitFor(() => {
      const el = document.getElementById('du-user_id-error');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(fieldError.textContent).toBe('Please check this field.');
    expect(person.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('duty-form-error')!.textContent).toContain('Field concerned: Person.');
    expect(create).toHaveBeenCalledWith({
      duty: 'on_call_liaison', user_id: 'usr_lia', starts_at: '2026-03-28T19:00:00Z', ends_at: '2026-03-29T06:00:00Z',
    });
    list.mockResolvedValue({ items: [duty()] });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText('Claire Liaison added to the roster.');
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('the administrator removes an entry after confirming', async () => {
    const list = vi.spyOn(api, 'duties').mockResolvedValue({ items: [duty()] });
    vi.spyOn(api, 'users').mockResolvedValue({ items: [LIAISON] });
    const remove = vi.spyOn(api, 'deleteDuty').mockResolvedValue(undefined);
    renderAs(ADMIN, <DutyRoster />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Claire Liaison (On-call liaison magistrate)' }));
    const dialog = document.getElementById('duty-dialog')!;
    expect(dialog.textContent).toContain('Remove this entry from the roster?');
    list.mockResolvedValue({ items: [] });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(remove).toHaveBeenCalledWith('dty_1'));
    await screen.findByText('Entry removed from the roster.');
  });

  it('is right to left in Arabic', async () => {
    await act(() => i18n.changeLanguage('ar'));
    vi.spyOn(api, 'duties').mockResolvedValue({ items: [duty()] });
    renderAs(LIAISON, <DutyRoster />);
    await screen.findByText('المداوم الآن');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.getElementById('duties-upcoming')!.textContent).toContain('قاضي الاتصال المداوم');
  });
});

// The dashboard's alert marked as addressed to the user because they were on duty.
function onDutyAlert(): Promise<Element> {
  return found('#emergency-alerts [data-addressee=onDuty]');
}

describe('dashboard: notifications addressed to the user', () => {
  beforeEach(() => {
    savePurpose({ purpose: 'Permanence', caseReference: '' });
    vi.spyOn(api, 'desk').mockResolvedValue({ due_soon: [], overdue: [], emergencies: [] });
    vi.spyOn(api, 'listLinks').mockResolvedValue({ items: [], next_cursor: null });
  });

  it('an emergency addressed to the on-call liaison magistrate is on top: "addressed to you — you are on call"', async () => {
    vi.spyOn(api, 'notifications').mockResolvedValue({
      items: [
        note({ created_at: iso(Date.now() - 60000) }),
        note({ id: 'esc', kind: 'escalation', request_id: 'req_o', deadline_kind: 'acknowledgement', level: 2, role: 'head_of_office', recipients: [], created_at: iso(Date.now() - 120000) }),
      ],
      next_cursor: null,
    });
    const roster = vi.spyOn(api, 'duties').mockResolvedValue({ items: [duty()] });
    renderAs(LIAISON, <Dashboard />);
    const alert = await onDutyAlert();
    expect(alert.textContent).toContain('Addressed to you — you are on call');
    expect(alert.querySelector('a')!.getAttribute('href')).toBe('/requests/req_e');
    expect(roster).toHaveBeenCalled();
    const items = document.querySelectorAll('#notifications-list li');
    expect(items[0].getAttribute('data-addressee')).toBe('onDuty');
    expect(items[0].className).toContain('notification-mine');
    expect(items[1].textContent).toContain('escalated to the head of office (level 2)');
    expect(items[1].textContent).toContain('Addressed to the whole desk');
  });

  it('says "you are on call" from the reason the server kept, without reading the roster', async () => {
    vi.spyOn(api, 'notifications').mockResolvedValue({
      items: [note({ created_at: iso(Date.now() - 60000), addressed_as: 'duty' })],
      next_cursor: null,
    });
    const roster = vi.spyOn(api, 'duties').mockResolvedValue({ items: [] });
    renderAs(LIAISON, <Dashboard />);
    const alert = await onDutyAlert();
    expect(alert.textContent).toContain('Addressed to you — you are on call');
    expect(roster).not.toHaveBeenCalled();
  });

  it('says when nobody was on call, and shows nothing on top for other users or old emergencies', async () => {
    const notifications = vi.spyOn(api, 'notifications').mockResolvedValue({
      items: [note({ recipients: ['usr_lia', 'usr_lia2'] })],
      next_cursor: null,
    });
    vi.spyOn(api, 'duties').mockResolvedValue({ items: [] });
    const { unmount } = renderAs(LIAISON, <Dashboard />);
    expect(
      (await screen.findAllByText('Addressed to you and every liaison magistrate — no one was on call')).length,
    ).toBeGreaterThan(0);
    unmount();
    notifications.mockResolvedValue({
      items: [note({ recipients: [] }), note({ id: 'old', recipients: ['usr_pro'], due_at: iso(Date.now() - 3 * 86400000), created_at: iso(Date.now() - 3 * 86400000) })],
      next_cursor: null,
    });
    renderAs(PROSECUTOR, <Dashboard />);
    await screen.findByText('Addressed to the whole desk');
    expect(document.getElementById('emergency-alerts')).toBeNull();
  });

  it('asks the server for the newest page once and keeps its order', async () => {
    const notifications = vi.spyOn(api, 'notifications').mockResolvedValue({
      items: [
        note({ id: 'b', kind: 'reminder', recipients: [], deadline_kind: 'execution', created_at: '2026-06-01T00:00:00Z' }),
        note({ id: 'a', kind: 'reminder', recipients: [], created_at: '2026-01-01T00:00:00Z' }),
      ],
      next_cursor: 'c1',
    });
    renderAs(PROSECUTOR, <Dashboard />);
    await waitFor(() => expect(document.querySelectorAll('#notifications-list li').length).toBe(2));
    expect(notifications).toHaveBeenCalledTimes(1);
    expect(notifications).toHaveBeenCalledWith(null, 100, 'newest');
    expect(document.querySelector('#notifications-list li')!.textContent).toContain('Reminder: Execution');
  });
});
