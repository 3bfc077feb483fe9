import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../api/client';
import type { CoopRequest, RequestDeadline, User } from '../api/types';
import i18n, { initI18n } from '../i18n';
import { DeadlinesTable } from '../components/requests';
import { formatPeriod, mayExtend } from '../requests';
import { Dashboard } from '../screens/Dashboard';
import { RequestPage } from '../screens/RequestPage';
import { savePurpose } from '../state';
import { found, renderAs } from './render';

const FR: User = { id: 'usr_fr', username: 'fr.prosecutor', country: 'FR', authority: 'fr-pnat', role: 'prosecutor' };
const BE: User = { id: 'usr_be', username: 'be.prosecutor', country: 'BE', authority: 'be-federal', role: 'prosecutor' };
const BE_ANALYST: User = { ...BE, id: 'usr_be_an', username: 'be.analyst', role: 'analyst' };

const RECOGNITION: RequestDeadline = {
  kind: 'recognition', due_at: '2099-03-31T21:59:59Z', status: 'open', binding: true,
  extended: false, extendable: true, extension_by: 'executing', extension: { amount: 30, unit: 'days' },
};
const ACKNOWLEDGEMENT: RequestDeadline = {
  kind: 'acknowledgement', due_at: '2099-03-08T22:59:59Z', status: 'open', binding: true,
  extended: false, extendable: false, extension_by: null, extension: null,
};
const EXTENDED: RequestDeadline = { ...RECOGNITION, due_at: '2099-04-30T21:59:59Z', extended: true, extendable: false, extension_by: null };
const REASON = 'Vérification bancaire en cours auprès de trois banques (fictif).';

// An EIO from France to Belgium, delivered: recognition runs, extendable once by Belgium (art. 12(5)).
function eio(overrides: Partial<CoopRequest> = {}): CoopRequest {
  return {
    id: 'req_eio', proceeding_id: 'prc_fr', channel: 'european_investigation_order', legal_basis: 'Directive 2014/41/UE',
    issuing: 'fr-pnat', issuing_country: 'FR', issuing_authority_kind: 'prosecutor', validating_authority_kind: '',
    executing: 'BE', executing_country: 'BE', provider: '',
    measures: [{ type: 'banking_information', description: 'Comptes', link_to_facts: 'Virements' }],
    person_ids: [], identifiers: [], data_categories: ['banking'], time_frame: { from: null, to: null }, languages: ['fr'],
    urgency: 'normal', urgency_justification: '', summary_of_facts: { lang: 'fr', text: 'Faits' },
    legal_qualification: { article: '421-2-2', text: 'Financement' }, confidentiality: { requested: false, reason: '' },
    requested_deadline: null, status: 'delivered', next_states: [], awaiting: ['BE'],
    status_history: [
      { state: 'draft', at: '2099-03-01T09:00:00Z', actor: 'usr_fr' },
      { state: 'validated', at: '2099-03-01T09:05:00Z', actor: 'usr_fr' },
      { state: 'sent', at: '2099-03-01T09:06:00Z', actor: 'usr_fr' },
      { state: 'delivered', at: '2099-03-01T10:00:00Z', actor: 'usr_be' },
    ],
    deadlines: [ACKNOWLEDGEMENT, RECOGNITION], extensions: [], owner_country: 'FR', handling_code: '', version: 4,
    created_at: '2099-03-01T09:00:00Z', updated_at: '2099-03-01T10:00:00Z', ...overrides,
  };
}

const EXTENDED_EIO = eio({
  deadlines: [ACKNOWLEDGEMENT, EXTENDED],
  extensions: [{ kind: 'recognition', at: '2099-03-20T08:00:00Z', reason: REASON, by: 'executing' }],
  version: 5,
});

beforeEach(async () => {
  initI18n('en');
  await act(() => i18n.changeLanguage('en'));
  savePurpose({ purpose: 'EIO follow-up', caseReference: '' });
  vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [] });
  vi.spyOn(api, 'getPerson').mockRejectedValue(new Error('not used'));
});
afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

describe('who may extend a deadline', () => {
  it('the EIO recognition period: the executing side only (or a party on both sides)', () => {
    expect(mayExtend(RECOGNITION, 'executing', 'prosecutor')).toBe(true);
    expect(mayExtend(RECOGNITION, 'executing', 'liaison_magistrate')).toBe(true);
    expect(mayExtend(RECOGNITION, 'either', 'prosecutor')).toBe(true);
    expect(mayExtend(RECOGNITION, 'issuing', 'prosecutor')).toBe(false);
    expect(mayExtend(RECOGNITION, null, 'prosecutor')).toBe(false);
  });

  it('a preservation: the issuing side only', () => {
    const preservation: RequestDeadline = { ...RECOGNITION, kind: 'preservation_expiry', extension_by: 'issuing' };
    expect(mayExtend(preservation, 'issuing', 'prosecutor')).toBe(true);
    expect(mayExtend(preservation, 'executing', 'prosecutor')).toBe(false);
  });

  it('never for a reader, nor a deadline extended, closed or without extension', () => {
    expect(mayExtend(RECOGNITION, 'executing', 'analyst')).toBe(false);
    expect(mayExtend(RECOGNITION, 'executing', 'auditor')).toBe(false);
    expect(mayExtend(EXTENDED, 'executing', 'prosecutor')).toBe(false);
    expect(mayExtend({ ...RECOGNITION, status: 'met' }, 'executing', 'prosecutor')).toBe(false);
    expect(mayExtend({ ...RECOGNITION, extended: true }, 'executing', 'prosecutor')).toBe(false);
    expect(mayExtend(ACKNOWLEDGEMENT, 'executing', 'prosecutor')).toBe(false);
    // A server without the extension fields offers nothing.
    expect(mayExtend({ kind: 'recognition', due_at: RECOGNITION.due_at, status: 'open', binding: true }, 'executing', 'prosecutor')).toBe(false);
  });

  it('names the period the server states, per language and unit', () => {
    expect(formatPeriod({ amount: 30, unit: 'days' }, 'en')).toBe('30 days');
    expect(formatPeriod({ amount: 30, unit: 'days' }, 'fr')).toMatch(/^30\sjours$/);
    expect(formatPeriod({ amount: 30, unit: 'days' }, 'ar')).toMatch(/^30\sيوم/);
    expect(formatPeriod({ amount: 8, unit: 'hours' }, 'en')).toBe('8 hours');
    expect(formatPeriod({ amount: 1, unit: 'months' }, 'es')).toBe('1 mes');
  });
});

describe('deadlines table', () => {
  it('offers the extension only to the side that grants it; the other side is told who may', () => {
    const onExtend = vi.fn();
    // The period comes from the deadline, not from a table of the client's.
    const { unmount: unmountOther } = render(
      <DeadlinesTable deadlines={[{ ...RECOGNITION, extension: { amount: 15, unit: 'days' } }]} actingCountry="BE" side="executing" role="prosecutor" onExtend={onExtend} />,
    );
    screen.getByRole('button', { name: 'Extend by 15 days' });
    unmountOther();
    const { unmount } = render(
      <DeadlinesTable deadlines={[ACKNOWLEDGEMENT, RECOGNITION]} actingCountry="BE" side="executing" role="prosecutor" onExtend={onExtend} />,
    );
    const button = screen.getByRole('button', { name: 'Extend by 30 days' });
    expect(document.querySelectorAll('#deadlines-table button')).toHaveLength(1);
    expect(button.closest('tr')!.getAttribute('data-kind')).toBe('recognition');
    expect(document.getElementById(button.getAttribute('aria-describedby')!)!.textContent).toBe('Decision on recognition');
    fireEvent.click(button);
    expect(onExtend).toHaveBeenCalledWith(RECOGNITION);
    unmount();

    render(<DeadlinesTable deadlines={[ACKNOWLEDGEMENT, RECOGNITION]} actingCountry="BE" side="issuing" role="prosecutor" onExtend={onExtend} />);
    expect(document.querySelector('#deadlines-table button')).toBeNull();
    expect(document.getElementById('extendable-recognition')!.textContent).toBe('Can be extended once by the executing authority.');
  });

  it('an extended deadline says by whom, when and why', () => {
    render(
      <DeadlinesTable
        deadlines={EXTENDED_EIO.deadlines}
        extensions={EXTENDED_EIO.extensions}
        actingCountry="BE"
        side="executing"
        role="prosecutor"
        onExtend={() => {}}
      />,
    );
    const row = document.querySelector('#deadlines-table tr[data-kind=recognition]')!;
    expect(row.getAttribute('data-extended')).toBe('true');
    expect(row.querySelector('.badge-extended')!.textContent).toBe('Extended');
    expect(row.textContent).toMatch(/Extended by the executing authority on .*2099/);
    const reason = row.querySelector('.extension-reason bdi')!;
    expect(reason.textContent).toBe(REASON);
    expect(reason.getAttribute('dir')).toBe('auto');
    expect(row.querySelector('button')).toBeNull();
    expect(document.getElementById('extendable-recognition')).toBeNull();
  });

  it('names the side the server says granted it, and only the date when it does not say', () => {
    const preservation: RequestDeadline = { ...EXTENDED, kind: 'preservation_expiry' };
    const at = '2099-03-20T08:00:00Z';
    const { unmount } = render(
      <DeadlinesTable deadlines={[preservation]} extensions={[{ kind: 'preservation_expiry', at, reason: 'x', by: 'issuing' }]} actingCountry="BE" />,
    );
    expect(document.querySelector('tr[data-kind=preservation_expiry]')!.textContent).toMatch(/Extended by the issuing authority on .*2099/);
    unmount();
    render(<DeadlinesTable deadlines={[preservation]} extensions={[{ kind: 'preservation_expiry', at, reason: 'x' }]} actingCountry="BE" />);
    const text = document.querySelector('tr[data-kind=preservation_expiry]')!.textContent!;
    expect(text).toMatch(/Extended on .*2099/);
    expect(text).not.toMatch(/authority/);
  });
});

describe('request page: extending a deadline', () => {
  it('the executing side gets the button; the issuing side and a reader do not', async () => {
    vi.spyOn(api, 'getRequest').mockResolvedValue(eio());
    const be = renderAs(BE, <RequestPage id="req_eio" />);
    await screen.findByRole('button', { name: 'Extend by 30 days' });
    be.unmount();

    const fr = renderAs(FR, <RequestPage id="req_eio" />);
    await screen.findByText('Can be extended once by the executing authority.');
    expect(screen.queryByRole('button', { name: /Extend/ })).toBeNull();
    fr.unmount();

    renderAs(BE_ANALYST, <RequestPage id="req_eio" />);
    await screen.findByText('Can be extended once by the executing authority.');
    expect(screen.queryByRole('button', { name: /Extend/ })).toBeNull();
  });

  it('the dialog refuses an empty reason, beside the field, and sends nothing', async () => {
    vi.spyOn(api, 'getRequest').mockResolvedValue(eio());
    const extend = vi.spyOn(api, 'extendDeadline').mockResolvedValue(EXTENDED_EIO);
    renderAs(BE, <RequestPage id="req_eio" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Extend by 30 days' }));
    const dialog = document.getElementById('extension-dialog')!;
    expect(dialog.textContent).toContain('Extend the deadline: Decision on recognition');
    expect(dialog.textContent).toMatch(/will be extended once by 30 days/);
    expect(dialog.textContent).toContain('Directive 2014/41/EU, art. 12(5)');
    const reason = within(dialog).getByLabelText(/Reason for the extension/) as HTMLTextAreaElement;
    expect(reason.getAttribute('dir')).toBe('auto');
    expect(reason.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(reason, { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Extend the deadline' }));
    const error = document.getElementById('extension-reason-error')!;
    expect(error.textContent).toBe('Give the reason for the extension: the other country must be told why.');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toContain('extension-reason-error');
    expect(reason.getAttribute('aria-describedby')).toContain('extension-reason-hint');
    expect(extend).not.toHaveBeenCalled();
    // Cancel closes the dialog, nothing sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(document.getElementById('extension-dialog')).toBeNull();
    expect(extend).not.toHaveBeenCalled();
  });

  it('with a reason, sends the kind and the reason, then shows the new due date and no more button', async () => {
    vi.spyOn(api, 'getRequest').mockResolvedValue(eio());
    const extend = vi.spyOn(api, 'extendDeadline').mockResolvedValue(EXTENDED_EIO);
    renderAs(BE, <RequestPage id="req_eio" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Extend by 30 days' }));
    const dialog = document.getElementById('extension-dialog')!;
    fireEvent.change(within(dialog).getByLabelText(/Reason for the extension/), { target: { value: `  ${REASON}\n` } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Extend the deadline' }));
    await waitFor(() => expect(extend).toHaveBeenCalledWith('req_eio', 'recognition', REASON));
    const notice = await screen.findByText(/^Deadline extended: “Decision on recognition” is now due /);
    expect(notice.textContent).toContain('2099');
    expect(notice.textContent).toMatch(/30 Apr 2099|1 May 2099/);
    expect(document.getElementById('extension-dialog')).toBeNull();
    expect(screen.queryByRole('button', { name: /Extend/ })).toBeNull();
    expect(document.querySelector('#deadlines-table tr[data-kind=recognition] .extension-reason')!.textContent).toContain(REASON);
  });

  it('a refusal of the server is translated in the dialog, and the request is read again', async () => {
    const get = vi.spyOn(api, 'getRequest').mockResolvedValue(eio());
    vi.spyOn(api, 'extendDeadline').mockRejectedValue(
      new ApiError({ status: 409, code: 'clocks.extension_used', field: 'kind', detail: "The 'recognition' deadline has already been extended." }),
    );
    renderAs(BE, <RequestPage id="req_eio" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Extend by 30 days' }));
    const dialog = document.getElementById('extension-dialog')!;
    fireEvent.change(within(dialog).getByLabelText(/Reason for the extension/), { target: { value: REASON } });
    get.mockResolvedValue(EXTENDED_EIO);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Extend the deadline' }));
    const box = await waitFor(() => {
      const el = document.getElementById('extension-error');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(box.getAttribute('data-code')).toBe('clocks.extension_used');
    expect(box.textContent).toContain('This deadline has already been extended');
    expect(box.textContent).toContain('Field concerned: Deadline.');
    expect(box.textContent).not.toContain("The 'recognition' deadline"); // the server's English detail
    await waitFor(() => expect(get).toHaveBeenCalledTimes(2));
    // The reason typed is kept while the dialog is open.
    expect((within(dialog).getByLabelText(/Reason for the extension/) as HTMLTextAreaElement).value).toBe(REASON);
  });

  it('in Arabic the button and the dialog speak of تمديد الأجل', async () => {
    await act(() => i18n.changeLanguage('ar'));
    vi.spyOn(api, 'getRequest').mockResolvedValue(eio());
    renderAs(BE, <RequestPage id="req_eio" />);
    const button = await screen.findByRole('button', { name: /^تمديد الأجل بمدة 30\sيوم/ });
    fireEvent.click(button);
    const dialog = document.getElementById('extension-dialog')!;
    expect(dialog.textContent).toContain('تمديد الأجل: قرار الاعتراف');
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('dashboard', () => {
  it('announces a deadline the other country extended, with the new due date, to the whole desk', async () => {
    vi.spyOn(api, 'listLinks').mockResolvedValue({ items: [], next_cursor: null });
    vi.spyOn(api, 'desk').mockResolvedValue({ emergencies: [], overdue: [], due_soon: [] });
    vi.spyOn(api, 'notifications').mockResolvedValue({
      items: [{
        id: 'extension:req_eio:recognition:FR', request_id: 'req_eio', kind: 'extension', deadline_kind: 'recognition',
        level: 0, role: '', due_at: '2099-04-30T21:59:59Z', created_at: '2099-03-20T08:00:00Z', recipients: [],
      }],
      next_cursor: null,
    });
    renderAs(FR, <Dashboard />);
    const item = await found('#notifications-list li[data-kind=extension]');
    expect(item.querySelector('.badge')!.textContent).toBe('Extension');
    const link = item.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/requests/req_eio');
    expect(link.textContent).toMatch(/^Deadline extended by the other country: Decision on recognition, now due .*2099/);
    expect(item.getAttribute('data-addressee')).toBe('desk');
    expect(item.textContent).toContain('Addressed to the whole desk');
  });
});
