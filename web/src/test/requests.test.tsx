import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../api/client';
import type { CoopRequest, Proceeding, User } from '../api/types';
import { CHANNELS, DEADLINE_KINDS, MEASURE_TYPES, REQUEST_STATES, URGENCIES } from '../api/types';
import i18n, { initI18n, LANGUAGES, resources } from '../i18n';
import { Countdown, RequestsTable, Timeline } from '../components/requests';
import {
  endOfDayIn, fieldId, formatDuration, problemsByField, remaining, sideOf,
} from '../requests';
import { Dashboard } from '../screens/Dashboard';
import { RequestCreate, RequestEdit } from '../screens/RequestForm';
import { RequestPage } from '../screens/RequestPage';
import { RequestsList } from '../screens/RequestsList';
import { Statistics } from '../screens/Statistics';
import { savePurpose } from '../state';
import { found, renderAs } from './render';

const MA: User = { id: 'usr_ma', username: 'ma.prosecutor', country: 'MA', authority: 'ma-pmp', role: 'prosecutor' };
const FR: User = { id: 'usr_fr', username: 'fr.prosecutor', country: 'FR', authority: 'fr-pnat', role: 'prosecutor' };

function request(overrides: Partial<CoopRequest> = {}): CoopRequest {
  return {
    id: 'req_1', proceeding_id: 'prc_1', channel: 'mutual_legal_assistance', legal_basis: 'Convention, art. 1',
    issuing: 'ma-pmp', issuing_country: 'MA', issuing_authority_kind: '', validating_authority_kind: '',
    executing: 'FR', executing_country: 'FR', provider: '',
    measures: [{ type: 'hearing_witness', description: 'Audition', link_to_facts: 'Témoin direct' }],
    person_ids: [], identifiers: [], data_categories: [], time_frame: { from: null, to: null }, languages: ['fr'],
    urgency: 'normal', urgency_justification: '', summary_of_facts: { lang: 'fr', text: 'Faits' },
    legal_qualification: { article: 'art. 218-1', text: 'Association' }, confidentiality: { requested: false, reason: '' },
    requested_deadline: null, status: 'sent', next_states: ['delivered', 'withdrawn'], awaiting: ['MA', 'FR'],
    status_history: [
      { state: 'draft', at: '2026-11-20T09:00:00Z', actor: 'usr_ma' },
      { state: 'validated', at: '2026-11-20T09:05:00Z', actor: 'usr_ma' },
      { state: 'sent', at: '2026-11-20T09:06:00Z', actor: 'usr_ma' },
    ],
    deadlines: [], owner_country: 'MA', handling_code: '', version: 3,
    created_at: '2026-11-20T09:00:00Z', updated_at: '2026-11-20T09:06:00Z', ...overrides,
  };
}

const PROCEEDING: Proceeding = {
  id: 'prc_1', national_reference: 'RBA-2026-TER-0042', authority: 'ma-pmp', stage: 'investigation', date_referred: null,
  legal_qualification: { article: '', text: '' }, offence_classes: [], terrorism_type: null, group_affiliations: [],
  crime_nexus: [], summary: { lang: 'ar', text: 'ملف تجريبي' }, sharing_derogation: 'none', owner_country: 'MA',
  handling_code: '', version: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
};

beforeEach(async () => {
  initI18n('en');
  await act(() => i18n.changeLanguage('en'));
  savePurpose({ purpose: 'Letter rogatory', caseReference: '' });
  vi.spyOn(api, 'getProceeding').mockResolvedValue(PROCEEDING);
  vi.spyOn(api, 'proceedingInvolvements').mockResolvedValue({ items: [] });
  vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('request desk logic', () => {
  it('knows which side took a past step (for the timeline)', () => {
    expect(sideOf('mutual_legal_assistance', 'sent', 'delivered')).toBe('either');
    expect(sideOf('mutual_legal_assistance', 'delivered', 'acknowledged')).toBe('executing');
    expect(sideOf('mutual_legal_assistance', 'information_requested', 'under_review')).toBe('either');
    expect(sideOf('mutual_legal_assistance', 'executed', 'results_received')).toBe('issuing');
    expect(sideOf('spontaneous_information', 'delivered', 'closed')).toBe('either');
  });

  it('maps review fields to form inputs and groups list elements', () => {
    expect(fieldId('measures[0].link_to_facts')).toBe('rq-measures-0-link_to_facts');
    expect(fieldId('summary_of_facts.text')).toBe('rq-summary_of_facts-text');
    const by = problemsByField([
      { code: 'validation.missing_field', field: 'legal_basis', detail: '' },
      { code: 'request.data_category_not_allowed', field: 'data_categories[1]', detail: '' },
      { code: 'request.same_country', field: 'executing_country', detail: '' },
    ]);
    expect([...by.keys()]).toEqual(['legal_basis', 'data_categories', 'executing']);
  });

  it('counts down, and says when a deadline is overdue', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const r = remaining('2026-11-24T12:30:15Z', now);
    expect(r).toMatchObject({ overdue: false, days: 1, hours: 2, minutes: 30 });
    expect(remaining('2026-11-23T09:00:00Z', now).overdue).toBe(true);
    expect(formatDuration(remaining('2026-11-23T12:05:09Z', now), 'en')).toMatch(/2 hr.*5 min.*9 sec/);
    expect(formatDuration(remaining('2026-11-25T12:05:09Z', now), 'fr')).toMatch(/2\sj.*2\sh.*5\smin/);
  });

  it('ends an issuer-set day at 23:59:59 in the executing country, across the clock change', () => {
    expect(endOfDayIn('2026-11-26', 'Europe/Paris')).toBe('2026-11-26T22:59:59Z');
    expect(endOfDayIn('2026-07-01', 'Europe/Madrid')).toBe('2026-07-01T21:59:59Z');
    expect(endOfDayIn('2026-11-26', undefined)).toBe('2026-11-26T23:59:59Z');
  });
});

describe('countdown', () => {
  it('ticks every second and turns red when overdue', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false, toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00Z'));
    render(<Countdown dueAt="2026-11-23T10:00:02Z" id="cd" />);
    const el = document.getElementById('cd')!;
    expect(el.getAttribute('data-overdue')).toBe('false');
    expect(el.textContent).toMatch(/^in .*2 sec/);
    await act(async () => {
      vi.advanceTimersByTime(3000);
    });
    expect(el.getAttribute('data-overdue')).toBe('true');
    expect(el.className).toContain('countdown-overdue');
    expect(el.textContent).toMatch(/^overdue by .*1 sec/);
  });
});

describe('request page', () => {
  it('shows the timeline with receipts, the deadline, and the issuer’s steps only', async () => {
    const r = request({
      deadlines: [{ kind: 'requested_by_issuer', due_at: '2099-01-15T22:59:59Z', status: 'open', binding: false }],
    });
    vi.spyOn(api, 'getRequest').mockResolvedValue(r);
    renderAs(MA, <RequestPage id="req_1" />);
    await screen.findByRole('button', { name: 'Record delivery' });
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Acknowledge receipt' })).toBeNull();
    const items = document.querySelectorAll('#request-timeline li');
    expect([...items].map((li) => li.getAttribute('data-state'))).toEqual(['draft', 'validated', 'sent']);
    expect(items[2].querySelector('.badge-receipt')!.textContent).toBe('receipt');
    expect(items[2].textContent).toContain('you');
    const row = document.querySelector('#deadlines-table tr[data-kind=requested_by_issuer]')!;
    expect(row.textContent).toContain('Deadline requested by the issuer');
    expect(row.textContent).toContain('Local time in France');
    expect(row.querySelector('.countdown')!.textContent).toMatch(/^in /);
    // Print in the user's language and in the executing country's (French).
    expect(screen.getByRole('button', { name: 'Print (English)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print (Français)' })).toBeTruthy();
  });

  it('asks for confirmation before withdrawing; cancel changes nothing', async () => {
    vi.spyOn(api, 'getRequest').mockResolvedValue(request());
    const move = vi.spyOn(api, 'transitionRequest').mockResolvedValue(request({ status: 'withdrawn', next_states: [] }));
    renderAs(MA, <RequestPage id="req_1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw' }));
    const dialog = document.getElementById('step-dialog')!;
    expect(dialog.textContent).toMatch(/will be withdrawn/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(move).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    fireEvent.click(document.getElementById('step-dialog-confirm')!);
    await waitFor(() => expect(move).toHaveBeenCalledWith('req_1', 'withdrawn'));
    await screen.findByText('New status: Withdrawn.');
  });

  it('the executing side acknowledges without confirmation; a refused step is translated', async () => {
    // next_states holds only the caller's side's steps: FR gets no "withdraw".
    vi.spyOn(api, 'getRequest').mockResolvedValue(request({ status: 'delivered', next_states: ['acknowledged'] }));
    vi.spyOn(api, 'transitionRequest').mockRejectedValue(
      new ApiError({ status: 403, code: 'request.wrong_side', detail: 'Only the executing side…' }),
    );
    renderAs(FR, <RequestPage id="req_1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge receipt' }));
    expect(await screen.findByText('This step belongs to the other country.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('offers exactly the steps of next_states, with no filtering of its own', async () => {
    // A party on both sides (a provider order within one country) gets steps of either side from the server.
    vi.spyOn(api, 'getRequest').mockResolvedValue(request({ status: 'delivered', next_states: ['acknowledged', 'withdrawn'] }));
    renderAs(MA, <RequestPage id="req_1" />);
    await screen.findByRole('button', { name: 'Acknowledge receipt' });
    const ids = [...document.querySelectorAll('#request-step-buttons button')].map((b) => b.id);
    expect(ids).toEqual(['step-acknowledged', 'step-withdrawn']);
  });

  it('says whether the request waits for the other side or is finished', async () => {
    const get = vi.spyOn(api, 'getRequest').mockResolvedValue(request({ status: 'acknowledged', next_states: [] }));
    const { unmount } = renderAs(FR, <RequestPage id="req_1" />);
    expect((await screen.findByText('The next step belongs to the other side.')).id).toBe('no-steps');
    unmount();
    get.mockResolvedValue(request({ status: 'closed', next_states: [] }));
    renderAs(FR, <RequestPage id="req_1" />);
    expect((await screen.findByText('This request is finished: no further step.')).id).toBe('no-steps');
  });

  it('is right to left in Arabic, with translated states', async () => {
    await act(() => i18n.changeLanguage('ar'));
    vi.spyOn(api, 'getRequest').mockResolvedValue(request());
    renderAs(MA, <RequestPage id="req_1" />);
    await screen.findByRole('button', { name: 'تسجيل التسليم' });
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.querySelector('.page-title .request-status')!.textContent).toBe('مرسل');
  });
});

describe('guided creation and completeness feedback', () => {
  it('explains each channel, then creates the draft from the proceeding', async () => {
    window.history.replaceState(null, '', '/requests/new?proceeding=prc_1');
    const create = vi.spyOn(api, 'createRequest').mockResolvedValue(request({ status: 'draft' }));
    renderAs(MA, <RequestCreate />);
    await screen.findByText('Which channel of cooperation?');
    expect(document.getElementById('channel-european_investigation_order')).toBeNull(); // not from Morocco
    expect(screen.getByText(/Treaty request between Morocco and France/)).toBeTruthy();
    const next = screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/Letter rogatory \(mutual legal assistance\)/));
    fireEvent.click(next);
    await screen.findByText('Step 2 of 2');
    // The summary comes from the proceeding.
    expect((document.getElementById('rq-summary_of_facts-text') as HTMLTextAreaElement).value).toBe('ملف تجريبي');
    fireEvent.change(document.getElementById('rq-executing')!, { target: { value: 'FR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the draft and check completeness' }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0][0]).toMatchObject({ proceeding_id: 'prc_1', channel: 'mutual_legal_assistance', executing: 'FR' });
  });

  it('shows each review problem next to its field, translated by code; validates once complete', async () => {
    const draft = request({ status: 'draft', next_states: ['validated', 'withdrawn'], legal_basis: '', languages: ['en'] });
    vi.spyOn(api, 'getRequest').mockResolvedValue(draft);
    const review = vi.spyOn(api, 'reviewRequest').mockResolvedValueOnce({
      complete: false,
      problems: [
        { code: 'validation.missing_field', field: 'legal_basis', detail: 'State the legal basis (…).' },
        { code: 'validation.missing_field', field: 'measures[0].link_to_facts', detail: '…' },
        { code: 'request.language_not_accepted', field: 'languages', detail: 'The request must be provided in a language FR accepts: fr.' },
      ],
    });
    renderAs(MA, <RequestEdit id="req_1" />);
    await screen.findByText(/3 point\(s\) to fix/);
    const input = document.getElementById('rq-legal_basis')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('rq-legal_basis-error');
    expect(document.getElementById('rq-legal_basis-error')!.textContent).toMatch(/State the legal basis: treaty/);
    expect(document.getElementById('rq-measures-0-link_to_facts-error')!.textContent).toMatch(/relates to the facts/);
    expect(document.getElementById('rq-languages-error')!.textContent).toBe(
      'The request must be provided in a language the executing country accepts.',
    );
    expect(document.getElementById('review-summary')!.textContent).toContain('Link to the facts (1)');
    expect(screen.getByText('The executing country accepts: Français.')).toBeTruthy();

    const update = vi.spyOn(api, 'updateRequest').mockResolvedValue({ ...draft, version: 4 });
    review.mockResolvedValueOnce({ complete: true, problems: [] });
    fireEvent.change(input, { target: { value: 'Convention, art. 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the draft and check completeness' }));
    await screen.findByText('Complete: the request can be validated.');
    expect(update).toHaveBeenCalledWith('req_1', 3, expect.objectContaining({ legal_basis: 'Convention, art. 1' }));
    const move = vi.spyOn(api, 'transitionRequest').mockResolvedValue({ ...draft, status: 'validated' });
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    await waitFor(() => expect(move).toHaveBeenCalledWith('req_1', 'validated'));
  });
});

describe('lists, desk and statistics', () => {
  it('lists incoming requests by status, from the address', async () => {
    window.history.replaceState(null, '', '/requests?box=incoming&status=sent');
    const list = vi.spyOn(api, 'listRequests').mockResolvedValue({ items: [request()], next_cursor: null });
    renderAs(FR, <RequestsList />);
    await screen.findByRole('link', { name: 'Letter rogatory (mutual legal assistance)' });
    expect(list).toHaveBeenCalledWith('incoming', 'sent', null);
    expect(document.getElementById('box-incoming')!.getAttribute('aria-current')).toBe('page');
    expect((document.getElementById('requests-status-filter') as HTMLSelectElement).value).toBe('sent');
  });

  it('the dashboard shows emergencies with a countdown, overdue deadlines and notifications', async () => {
    vi.spyOn(api, 'listLinks').mockResolvedValue({ items: [], next_cursor: null });
    vi.spyOn(api, 'desk').mockResolvedValue({
      emergencies: [{ request_id: 'req_e', channel: 'mutual_legal_assistance', status: 'delivered', urgency: 'emergency', issuing_country: 'MA', executing_country: 'FR', deadline_kind: 'emergency_response', due_at: new Date(Date.now() + 7 * 3600000).toISOString() }],
      overdue: [{ request_id: 'req_o', channel: 'european_investigation_order', status: 'delivered', urgency: 'normal', issuing_country: 'BE', executing_country: 'FR', deadline_kind: 'acknowledgement', due_at: new Date(Date.now() - 3600000).toISOString() }],
      due_soon: [],
    });
    vi.spyOn(api, 'notifications').mockResolvedValue({
      items: [{ id: 'n1', request_id: 'req_o', kind: 'escalation', deadline_kind: 'acknowledgement', level: 1, role: 'liaison_magistrate', due_at: '2026-11-20T22:59:59Z', created_at: '2026-11-21T00:00:00Z' }],
      next_cursor: null,
    });
    renderAs(FR, <Dashboard />);
    const emergency = await found('#desk-emergencies .countdown');
    expect(emergency.getAttribute('data-overdue')).toBe('false');
    expect(document.querySelector('#desk-overdue .countdown')!.getAttribute('data-overdue')).toBe('true');
    expect(document.querySelector('#desk-overdue')!.textContent).toContain('Acknowledgement of receipt');
    expect(await screen.findByText(/escalated to the liaison magistrate \(level 1\)/)).toBeTruthy();
  });

  it('statistics: figures, turnaround table per country pair and channel', async () => {
    vi.spyOn(api, 'requestStatistics').mockResolvedValue({
      by_status: { sent: 2, closed: 1 },
      turnaround: [{ issuing_country: 'MA', executing_country: 'FR', channel: 'mutual_legal_assistance', completed: 1, median_days: 12.5, p90_days: 20 }],
      deadlines_due: 4, deadlines_met_in_time: 3, share_met: 0.75,
    });
    vi.spyOn(api, 'listLinks').mockImplementation(async (status) => ({
      items: status === 'candidate' ? [{ counterpart: { country: 'FR' } } as never] : [], next_cursor: null,
    }));
    renderAs(MA, <Statistics />);
    expect((await screen.findByText('75%')).id).toBe('stats-share-met');
    const table = await waitFor(() => {
      const el = document.getElementById('turnaround-table');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(table.textContent).toContain('Morocco → France');
    expect(table.textContent).toContain('12.5');
    await waitFor(() => expect(document.getElementById('links-found-total')!.textContent).toBe('1'));
  });

  it('the requests table shows the next open deadline', () => {
    render(
      <RequestsTable
        caption="x"
        requests={[request({ deadlines: [
          { kind: 'execution_target', due_at: '2099-03-01T22:59:59Z', status: 'open', binding: false },
          { kind: 'acknowledgement', due_at: '2099-01-01T22:59:59Z', status: 'met', binding: true },
        ] })]}
      />,
    );
    expect(document.querySelector('#requests-table tbody')!.textContent).toContain('Execution (desk target)');
  });

  it('the timeline names the other side for its steps', () => {
    const r = request({
      status: 'acknowledged',
      status_history: [
        { state: 'draft', at: '2026-11-20T09:00:00Z', actor: 'usr_ma' },
        { state: 'delivered', at: '2026-11-20T10:00:00Z', actor: 'usr_x' },
        { state: 'acknowledged', at: '2026-11-20T11:00:00Z', actor: 'usr_fr' },
      ],
    });
    render(<Timeline request={r} meId="usr_ma" />);
    const items = document.querySelectorAll('#request-timeline li');
    expect(items[1].textContent).toContain('another user');
    expect(items[2].textContent).toContain('France');
  });
});

describe('request vocabulary', () => {
  it('every channel, state, step, urgency, measure and deadline kind is translated in every language', () => {
    for (const lang of LANGUAGES) {
      const m = resources[lang] as unknown as Record<string, Record<string, unknown>>;
      for (const c of CHANNELS) {
        expect(typeof m.channel[c], `${lang} channel ${c}`).toBe('string');
        expect(typeof m.channelHelp[c], `${lang} help ${c}`).toBe('string');
      }
      for (const s of REQUEST_STATES) {
        expect(typeof m.requestState[s], `${lang} state ${s}`).toBe('string');
        expect(typeof m.requestStep[s], `${lang} step ${s}`).toBe('string');
      }
      for (const u of URGENCIES) expect(typeof m.urgency[u]).toBe('string');
      for (const x of MEASURE_TYPES) expect(typeof m.measure[x], `${lang} measure ${x}`).toBe('string');
      for (const k of DEADLINE_KINDS) expect(typeof m.deadlineKind[k], `${lang} deadline ${k}`).toBe('string');
      const req = (m.errors as Record<string, Record<string, unknown>>).request;
      for (const code of ['incomplete', 'invalid_transition', 'wrong_side', 'not_draft', 'language_not_accepted', 'summary_too_short']) {
        expect(typeof req[code], `${lang} errors.request.${code}`).toBe('string');
      }
    }
  });
});
