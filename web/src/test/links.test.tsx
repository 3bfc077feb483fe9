import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../api/client';
import type { Person, PersonLink, User } from '../api/types';
import { AUTHORITIES, LINK_STATUSES, LINK_TRANSITIONS } from '../api/types';
import i18n, { initI18n, LANGUAGES, resources } from '../i18n';
import { ExplanationTable } from '../components/links';
import { Dashboard } from '../screens/Dashboard';
import { LinkPage } from '../screens/LinkPage';
import { LinksList } from '../screens/LinksList';
import { PersonPage } from '../screens/PersonPage';
import { savePurpose } from '../state';
import { renderAs } from './render';

const MA_USER: User = { id: 'usr_ma', username: 'ma.prosecutor', country: 'MA', authority: 'ma-pmp', role: 'prosecutor' };
const MA_ANALYST: User = { ...MA_USER, id: 'usr_maa', username: 'ma.analyst', role: 'analyst' };

const OWN: Person = {
  id: 'per_ma', names: [{ full: 'كريم الحداوي', script: 'Arab', kind: 'primary' }], birth_date: '1988', birth_place: '',
  sex: 'male', nationalities: ['MA'], documents: [], identifiers: [], owner_country: 'MA', owner_authority: 'ma-pmp',
  handling_code: '', version: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
};

function hidden(overrides: Partial<PersonLink> = {}): PersonLink {
  return {
    id: 'lnk_1', status: 'candidate', decision: 'match', person_id: 'per_ma', own_consent: false,
    counterpart: { country: 'FR', authority: 'fr-pnat', consented: false, person: null },
    probability: null, explanation: null, version: 1,
    created_at: '2026-03-02T10:00:00Z', updated_at: '2026-03-02T10:00:00Z', ...overrides,
  };
}

function disclosed(overrides: Partial<PersonLink> = {}): PersonLink {
  return hidden({
    counterpart: {
      country: 'FR', authority: 'fr-pnat', consented: true,
      person: {
        id: 'per_fr', birth_date: '1988-04', sex: 'male', nationalities: ['FR', 'MA'],
        names: [{ full: 'Karim Fictif-Haddaoui', script: 'Latn', kind: 'primary' }, { full: 'أبو تست', script: 'Arab', kind: 'kunya' }],
      },
    },
    probability: 0.9968,
    explanation: [
      { feature: 'name_token', outcome: 'equal', weight: 5.8, detail: 'haddaoui ≈ الحداوي (Arabic→French transliteration)' },
      { feature: 'birth_date', outcome: 'similar', weight: 1.2, detail: 'birth year equal' },
      { feature: 'nationality', outcome: 'different', weight: -0.3, detail: 'no nationality in common' },
    ],
    ...overrides,
  });
}

beforeEach(async () => {
  initI18n('en');
  await act(() => i18n.changeLanguage('en'));
  savePurpose({ purpose: 'Verification', caseReference: '' });
  vi.spyOn(api, 'getPerson').mockResolvedValue(OWN);
  // The dashboard also reads the request desk and the notifications.
  vi.spyOn(api, 'desk').mockResolvedValue({ due_soon: [], overdue: [], emergencies: [] });
  vi.spyOn(api, 'notifications').mockResolvedValue({ items: [], next_cursor: null });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('link verification page: hit/no-hit', () => {
  it('before the counterpart consents: authority and country only, no personal data, no probability', async () => {
    vi.spyOn(api, 'getLink').mockResolvedValue(hidden());
    renderAs(MA_USER, <LinkPage id="lnk_1" />);
    await screen.findByText('National Anti-Terrorism Prosecutor’s Office (PNAT)');
    const note = document.getElementById('hit-no-hit')!;
    expect(note.textContent).toMatch(/nothing is disclosed until the other authority consents/);
    expect(note.textContent).toContain('France');
    expect(document.getElementById('counterpart-person')).toBeNull();
    expect(document.getElementById('link-probability')).toBeNull();
    expect(document.getElementById('explanation-table')).toBeNull();
    // Own person linked to its page, by name.
    await waitFor(() => expect(document.getElementById('link-own-person')!.textContent).toContain('كريم الحداوي'));
    expect(document.getElementById('link-own-person')!.getAttribute('href')).toBe('/persons/per_ma');
    // Candidate: start verification and reject are offered, confirm is not.
    expect(screen.getByRole('button', { name: 'Start verification' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reject: not the same person' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Confirm: same person' })).toBeNull();
  });

  it('after consent: their names in their script (dir=auto), birth date, nationalities, probability, explanation', async () => {
    vi.spyOn(api, 'getLink').mockResolvedValue(disclosed({ status: 'under_verification' }));
    renderAs(MA_USER, <LinkPage id="lnk_1" />);
    const cp = await waitFor(() => {
      const el = document.getElementById('counterpart-person');
      if (!el) throw new Error('not yet');
      return el;
    });
    const arabic = within(cp).getByText('أبو تست');
    expect(arabic.getAttribute('dir')).toBe('auto');
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(within(cp).getByText('Karim Fictif-Haddaoui').getAttribute('dir')).toBe('auto');
    expect(cp.textContent).toContain('April 1988');
    expect(cp.textContent).toMatch(/France.*Morocco/);
    expect(document.getElementById('link-probability')!.textContent).toBe('Probability that it is the same person: 99.7%');
    const rows = document.querySelectorAll('#explanation-table tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('Name element');
    expect(rows[0].textContent).toContain('Same');
    expect(rows[0].textContent).toContain('+5.8');
    expect(rows[2].textContent).toContain('Different');
    expect(rows[2].textContent).toMatch(/[−-]0\.3/);
    expect(rows[0].querySelector('[lang=en]')!.textContent).toContain('الحداوي');
    expect(screen.getByRole('button', { name: 'Confirm: same person' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start verification' })).toBeNull();
  });

  it('consent asks for confirmation naming the country, then posts and shows the new state', async () => {
    vi.spyOn(api, 'getLink').mockResolvedValue(hidden());
    const consent = vi.spyOn(api, 'consentLink').mockResolvedValue(hidden({ own_consent: true, version: 2 }));
    renderAs(MA_USER, <LinkPage id="lnk_1" />);
    const button = await screen.findByRole('button', { name: 'Consent to disclose our record to France' });
    fireEvent.click(button);
    const dialog = document.getElementById('consent-dialog')!;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.textContent).toContain('Disclose your record to France?');
    expect(dialog.textContent).toMatch(/disclosed to the other country \(France\), recipient: National Anti-Terrorism/);
    expect(dialog.textContent).toContain('audit log');
    // Cancel sends nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(consent).not.toHaveBeenCalled();
    expect(document.getElementById('consent-dialog')).toBeNull();
    fireEvent.click(button);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, disclose to France' }));
    });
    expect(consent).toHaveBeenCalledWith('lnk_1', 1);
    expect(screen.getByRole('status').textContent).toContain('Consent recorded');
    expect(document.getElementById('own-consent-state')!.getAttribute('data-consented')).toBe('true');
    expect(document.getElementById('link-consent')).toBeNull();
  });

  it('transitions: start verification directly, reject after confirmation; a 409 is translated', async () => {
    vi.spyOn(api, 'getLink').mockResolvedValue(hidden());
    const tr = vi
      .spyOn(api, 'transitionLink')
      .mockResolvedValueOnce(hidden({ status: 'under_verification', version: 2 }))
      .mockRejectedValueOnce(
        new ApiError({ status: 409, code: 'link.invalid_transition', field: 'to', detail: 'A link cannot go from x to y.' }),
      );
    renderAs(MA_USER, <LinkPage id="lnk_1" />);
    const start = await screen.findByRole('button', { name: 'Start verification' });
    await act(async () => {
      fireEvent.click(start);
    });
    expect(tr).toHaveBeenLastCalledWith('lnk_1', 'under_verification', 1);
    expect(screen.getByText('New status: Under verification.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reject: not the same person' }));
    const dialog = document.getElementById('transition-dialog')!;
    expect(dialog.textContent).toContain('Reject this link?');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Reject: not the same person' }));
    });
    expect(tr).toHaveBeenLastCalledWith('lnk_1', 'rejected', 2);
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('link.invalid_transition');
    expect(alert.textContent).toContain('This step is not possible');
    expect(alert.textContent).not.toContain('{');
  });

  it('an analyst reads but is offered no action; a rejected link offers neither consent nor step', async () => {
    vi.spyOn(api, 'getLink').mockResolvedValue(hidden());
    const { unmount } = renderAs(MA_ANALYST, <LinkPage id="lnk_1" />);
    await screen.findByText('Your role can read links but not change them.');
    expect(document.getElementById('link-consent')).toBeNull();
    expect(document.getElementById('link-transitions')).toBeNull();
    unmount();
    vi.spyOn(api, 'getLink').mockResolvedValue(hidden({ status: 'rejected' }));
    renderAs(MA_USER, <LinkPage id="lnk_1" />);
    await screen.findByText('A rejected link discloses nothing.');
    expect(document.getElementById('link-consent')).toBeNull();
    expect(screen.getByText('This link is closed: no further step.')).toBeTruthy();
  });

  it('renders in Arabic with the authority translated', async () => {
    await act(() => i18n.changeLanguage('ar'));
    vi.spyOn(api, 'getLink').mockResolvedValue(hidden());
    renderAs(MA_USER, <LinkPage id="lnk_1" />);
    await screen.findByText('النيابة العامة الوطنية لمكافحة الإرهاب (فرنسا)');
    expect(document.getElementById('hit-no-hit')!.textContent).toContain('تطابق / لا تطابق');
    expect(document.documentElement.dir).toBe('rtl');
  });
});

describe('links list, person page and dashboard', () => {
  it('lists links with the status filter and paginates with the cursor', async () => {
    window.history.replaceState(null, '', '/links');
    const list = vi
      .spyOn(api, 'listLinks')
      .mockResolvedValueOnce({ items: [hidden()], next_cursor: 'c2' })
      .mockResolvedValue({ items: [], next_cursor: null });
    renderAs(MA_USER, <LinksList />);
    const table = await screen.findByRole('table');
    expect(table.textContent).toContain('France');
    expect(table.textContent).toContain('Candidate');
    expect(table.textContent).toContain('Their record not disclosed');
    await waitFor(() => expect(table.textContent).toContain('كريم الحداوي'));
    expect(list).toHaveBeenLastCalledWith('', null);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    });
    expect(list).toHaveBeenLastCalledWith('', 'c2');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'under_verification' } });
    });
    expect(window.location.search).toBe('?status=under_verification');
    expect(list).toHaveBeenLastCalledWith('under_verification', null);
    expect(await screen.findByText('No links with this status.')).toBeTruthy();
    window.history.replaceState(null, '', '/');
  });

  it('the person page shows its links', async () => {
    vi.spyOn(api, 'personInvolvements').mockResolvedValue({ items: [] });
    vi.spyOn(api, 'personLinks').mockResolvedValue({ items: [disclosed()] });
    renderAs(MA_USER, <PersonPage id="per_ma" />);
    const table = await waitFor(() => {
      const el = document.getElementById('person-links-table');
      if (!el) throw new Error('not yet');
      return el;
    });
    expect(table.textContent).toContain('Karim Fictif-Haddaoui');
    expect(table.textContent).toContain('99.7%');
    expect(table.querySelector('a[href="/links/lnk_1"]')).toBeTruthy();
  });

  it('the dashboard counts the links to verify', async () => {
    vi.spyOn(api, 'listLinks').mockImplementation(async (status) =>
      status === 'candidate'
        ? { items: [hidden(), hidden({ id: 'lnk_2' })], next_cursor: null }
        : { items: [hidden({ id: 'lnk_3', status: 'under_verification', updated_at: '2026-04-01T00:00:00Z' })], next_cursor: 'more' },
    );
    renderAs(MA_USER, <Dashboard />);
    await waitFor(() => expect(document.getElementById('dashboard-links-table')).toBeTruthy());
    const counts = document.getElementById('dashboard-link-counts')!;
    expect(counts.querySelector('[data-status=candidate]')!.textContent).toBe('2');
    expect(counts.querySelector('[data-status=under_verification]')!.textContent).toBe('1 or more');
    const rows = document.querySelectorAll('#dashboard-links-table tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0].getAttribute('data-link-id')).toBe('lnk_3'); // most recently changed first
    expect(screen.getByText('Presidency of the Public Prosecution (Morocco)')).toBeTruthy();
  });

  it('the dashboard asks for a purpose before reading links', async () => {
    savePurpose(null);
    const list = vi.spyOn(api, 'listLinks');
    renderAs(MA_USER, <Dashboard />);
    expect(await screen.findByText(/State the purpose of your consultation in the bar above to see the links/)).toBeTruthy();
    expect(list).not.toHaveBeenCalled();
  });
});

describe('link vocabulary', () => {
  it('every status, transition, authority, feature and outcome is translated in every language', () => {
    const features = ['name', 'name_token', 'given_or_family_name', 'birth_date', 'sex', 'nationality', 'document', 'identifier'];
    const outcomes = ['equal', 'similar', 'different', 'missing', 'unknown'];
    for (const lang of LANGUAGES) {
      const r = resources[lang] as unknown as Record<string, Record<string, unknown>>;
      for (const s of LINK_STATUSES) expect(typeof r.linkStatus[s], `${lang}:${s}`).toBe('string');
      for (const to of new Set(Object.values(LINK_TRANSITIONS).flat()))
        expect(typeof (r.links.to as Record<string, string>)[to], `${lang}:to.${to}`).toBe('string');
      for (const a of AUTHORITIES) expect(typeof r.authorities[a], `${lang}:${a}`).toBe('string');
      for (const f of features) expect(typeof r.feature[f], `${lang}:${f}`).toBe('string');
      for (const o of outcomes) expect(typeof r.outcome[o], `${lang}:${o}`).toBe('string');
      const errors = r.errors as unknown as Record<string, Record<string, string>>;
      expect(typeof errors.link.invalid_transition).toBe('string');
      expect(typeof errors.link.rejected).toBe('string');
    }
  });

  it('an unknown feature or outcome falls back to the server word', () => {
    render(<ExplanationTable features={[{ feature: 'tattoo', outcome: 'odd', weight: 0, detail: 'd' }]} />);
    expect(screen.getByText('tattoo')).toBeTruthy();
    expect(screen.getByText('odd')).toBeTruthy();
  });
});
