import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiClient, ApiError } from '../api/client';
import type { CoopRequest, RequestAttachment, User } from '../api/types';
import {
  MAX_ATTACHMENT_BYTES, canAttach, canRemove, formatSize, hexOf, mediaTypeOf, sha256Hex,
} from '../attachments';
import { AttachmentsPanel } from '../components/attachments';
import i18n, { initI18n } from '../i18n';
import { AppStateProvider, savePurpose } from '../state';
import { found } from './render';

const MA: User = { id: 'usr_ma', username: 'ma.prosecutor', country: 'MA', authority: 'ma-pmp', role: 'prosecutor' };
const FR: User = { id: 'usr_fr', username: 'fr.prosecutor', country: 'FR', authority: 'fr-pnat', role: 'prosecutor' };
const FR_ANALYST: User = { ...FR, id: 'usr_fra', username: 'fr.analyst', role: 'analyst' };

const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

function request(overrides: Partial<CoopRequest> = {}): CoopRequest {
  return {
    id: 'req_1', proceeding_id: 'prc_1', channel: 'mutual_legal_assistance', legal_basis: '', issuing: 'ma-pmp',
    issuing_country: 'MA', issuing_authority_kind: '', validating_authority_kind: '', executing: 'FR',
    executing_country: 'FR', provider: '', measures: [], person_ids: [], identifiers: [], data_categories: [],
    time_frame: { from: null, to: null }, languages: ['fr'], urgency: 'normal', urgency_justification: '',
    summary_of_facts: { lang: 'fr', text: '' }, legal_qualification: { article: '', text: '' },
    confidentiality: { requested: false, reason: '' }, requested_deadline: null, status: 'draft',
    next_states: ['validated', 'withdrawn'], awaiting: ['MA'], status_history: [], deadlines: [], owner_country: 'MA', handling_code: '',
    version: 1, created_at: '2026-11-20T09:00:00Z', updated_at: '2026-11-20T09:00:00Z', ...overrides,
  };
}

function attachment(overrides: Partial<RequestAttachment> = {}): RequestAttachment {
  return {
    id: 'att_1', request_id: 'req_1', filename: 'jugement du 12 mars.pdf', media_type: 'application/pdf', size: 1536,
    sha256: ABC_SHA256, uploaded_by: 'usr_ma', uploaded_by_country: 'MA', uploaded_at: '2026-11-20T09:30:00Z', ...overrides,
  };
}

function renderAs(user: User, r: CoopRequest) {
  return render(
    <AppStateProvider initialUser={user}>
      <AttachmentsPanel request={r} user={user} />
    </AppStateProvider>,
  );
}

beforeEach(async () => {
  initI18n('en');
  await act(() => i18n.changeLanguage('en'));
  savePurpose({ purpose: 'Letter rogatory', caseReference: '' });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('attachment helpers', () => {
  it('formats sizes in human units per language (binary multiples: the 32 MiB limit reads 32 MB)', () => {
    expect(formatSize(0, 'en')).toBe('0 bytes');
    expect(formatSize(512, 'en')).toBe('512 bytes');
    expect(formatSize(1536, 'en')).toBe('1.5 kB');
    expect(formatSize(20 * 1024, 'en')).toBe('20 kB');
    expect(formatSize(MAX_ATTACHMENT_BYTES, 'en')).toBe('32 MB');
    expect(formatSize(1024 * 1024 - 1, 'en')).toBe('1 MB'); // no "1,024 kB"
    expect(formatSize(MAX_ATTACHMENT_BYTES, 'fr')).toMatch(/^32\sMo$/);
    expect(formatSize(1536, 'fr')).toMatch(/^1,5\sko$/);
    expect(formatSize(512, 'fr')).toMatch(/^512\soctets$/);
    expect(formatSize(MAX_ATTACHMENT_BYTES, 'ar')).toMatch(/32/); // Latin digits in ar-MA
  });

  it('writes bytes as lowercase hex', () => {
    expect(hexOf(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001abff');
    expect(hexOf(new Uint8Array([0x0f, 0xf0]).buffer)).toBe('0ff0');
    expect(hexOf(new ArrayBuffer(0))).toBe('');
  });

  it('computes the SHA-256 of bytes and of a file, as node:crypto does', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc').buffer as ArrayBuffer)).toBe(ABC_SHA256);
    const bytes = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const file = new File([bytes], 'x.bin');
    expect(await sha256Hex(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('says so when the browser has no Web Crypto (not a secure context)', async () => {
    vi.spyOn(globalThis, 'crypto', 'get').mockReturnValue({} as Crypto);
    await expect(sha256Hex(new ArrayBuffer(1))).rejects.toMatchObject({ code: 'attachment.hash_unavailable' });
  });

  it('sends the file type without parameters, or application/octet-stream', () => {
    expect(mediaTypeOf({ type: 'application/pdf' })).toBe('application/pdf');
    expect(mediaTypeOf({ type: 'Text/Plain; charset=utf-8' })).toBe('text/plain');
    expect(mediaTypeOf({ type: '' })).toBe('application/octet-stream');
    expect(mediaTypeOf({ type: 'weird' })).toBe('application/octet-stream');
  });

  it('either party attaches while the request is open; only the issuer removes, from a draft', () => {
    expect(canAttach(request(), MA)).toBe(true);
    expect(canAttach(request({ status: 'sent' }), FR)).toBe(true);
    expect(canAttach(request({ status: 'closed' }), MA)).toBe(false);
    expect(canAttach(request({ status: 'withdrawn' }), FR)).toBe(false);
    expect(canAttach(request({ status: 'sent' }), FR_ANALYST)).toBe(false);
    expect(canRemove(request(), MA)).toBe(true);
    expect(canRemove(request({ status: 'validated' }), MA)).toBe(false);
    expect(canRemove(request(), FR)).toBe(false);
  });
});

describe('API client: attachments', () => {
  it('uploads the raw file with its name in the address, its type and its SHA-256', async () => {
    const saved = attachment();
    const f = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(saved), { status: 201 }));
    const client = new ApiClient({ fetch: f });
    const file = new File(['abc'], 'طلب إنابة #1.pdf', { type: 'application/pdf' });
    const progress = vi.fn();
    expect(await client.uploadAttachment('req_1', file, { filename: file.name, mediaType: 'application/pdf', sha256: ABC_SHA256, onProgress: progress })).toEqual(saved);
    const [url, init] = f.mock.calls[0];
    expect(String(url)).toBe(`/api/v1/requests/req_1/attachments?filename=${encodeURIComponent('طلب إنابة #1.pdf')}`);
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(file);
    const headers = init?.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/pdf');
    expect(headers['X-Content-SHA256']).toBe(ABC_SHA256);
    expect(progress).toHaveBeenCalledWith(3, 3);
  });

  it('turns a refused upload into a translated problem', async () => {
    const f = vi.fn(async () => new Response(JSON.stringify({ code: 'attachment.hash_mismatch', field: 'content_sha256', detail: 'changed' }), { status: 422 }));
    const client = new ApiClient({ fetch: f });
    await expect(
      client.uploadAttachment('req_1', new Blob(['x']), { filename: 'x', mediaType: '', sha256: 'ff' }),
    ).rejects.toMatchObject({ code: 'attachment.hash_mismatch', status: 422 });
    expect((f.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({ 'Content-Type': 'application/octet-stream' });
  });

  it('downloads the bytes with the purpose, and lists and removes attachments', async () => {
    const f = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'DELETE') return new Response(null, { status: 204 });
      if (String(url).endsWith('/attachments')) return new Response(JSON.stringify({ items: [attachment()] }), { status: 200 });
      return new Response('abc', { status: 200, headers: { 'X-Content-SHA256': ABC_SHA256, 'Content-Type': 'application/pdf' } });
    });
    const client = new ApiClient({ fetch: f, purpose: () => ({ purpose: 'Execution', caseReference: '' }) });
    const { blob, sha256 } = await client.downloadAttachment('req_1', 'att_1');
    expect(await blob.text()).toBe('abc');
    expect(sha256).toBe(ABC_SHA256);
    expect(String(f.mock.calls[0][0])).toBe('/api/v1/requests/req_1/attachments/att_1');
    expect((f.mock.calls[0][1]?.headers as Record<string, string>)['X-Purpose']).toBe('Execution');
    expect((await client.listAttachments('req_1')).items).toHaveLength(1);
    await client.deleteAttachment('req_1', 'att_1');
    expect(f.mock.calls[2][1]?.method).toBe('DELETE');
    await expect(new ApiClient({ fetch: f }).downloadAttachment('req_1', 'att_1')).rejects.toMatchObject({ code: 'purpose.required' });
  });
});

describe('attachments panel', () => {
  it('lists each file with size, country, time and the full SHA-256 left to right, with a copy button', async () => {
    vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [attachment(), attachment({ id: 'att_2', uploaded_by: 'usr_fr', uploaded_by_country: 'FR', filename: 'résultats.zip', size: 3 * 1024 * 1024 })] });
    const write = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: write }, configurable: true });
    renderAs(MA, request({ status: 'sent' }));
    const list = await found('#attachments-list');
    const [first, second] = list.querySelectorAll('li');
    expect(first.textContent).toContain('jugement du 12 mars.pdf');
    expect(first.textContent).toContain('1.5 kB');
    expect(first.textContent).toContain('you (Morocco)');
    expect(second.textContent).toContain('France');
    expect(second.textContent).toContain('3 MB');
    const code = first.querySelector('code')!;
    expect(code.textContent).toBe(ABC_SHA256);
    expect(code.getAttribute('dir')).toBe('ltr');
    fireEvent.click(within(first).getByRole('button', { name: 'Copy the SHA-256 of jugement du 12 mars.pdf' }));
    await waitFor(() => expect(write).toHaveBeenCalledWith(ABC_SHA256));
    expect(await within(first).findByText('Copied.')).toBeTruthy();
    expect(screen.getByText(/The receiving authority can verify a file by computing its SHA-256/)).toBeTruthy();
    // Sent: the issuer can still attach, but no longer remove.
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(document.getElementById('attachment-file')).not.toBeNull();
  });

  it('computes the SHA-256 before sending, sends it with the file, then lists the file', async () => {
    const list = vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [] });
    const upload = vi.spyOn(api, 'uploadAttachment').mockImplementation(async (_id, file, options) => {
      options.onProgress?.(1, 3);
      return attachment({ filename: (file as File).name, size: 3, sha256: options.sha256 });
    });
    renderAs(MA, request());
    await screen.findByText('No file attached.');
    const input = screen.getByLabelText('Choose a file') as HTMLInputElement;
    expect(input.getAttribute('aria-describedby')).toBe('attachment-file-hint');
    const file = new File(['abc'], 'annexe.txt', { type: 'text/plain' });
    fireEvent.change(input, { target: { files: [file] } });
    const local = await found('#attachment-local-sha256');
    expect(local.textContent).toBe(ABC_SHA256);
    expect(document.getElementById('attachment-state')!.getAttribute('data-step')).toBe('ready');
    list.mockResolvedValue({ items: [attachment({ filename: 'annexe.txt', size: 3 })] });
    fireEvent.click(screen.getByRole('button', { name: 'Attach the file' }));
    await screen.findByText('annexe.txt attached. The server received exactly these bytes (same SHA-256).');
    expect(upload).toHaveBeenCalledWith('req_1', file, expect.objectContaining({ filename: 'annexe.txt', mediaType: 'text/plain', sha256: ABC_SHA256 }));
    await waitFor(() => expect(document.getElementById('attachments-list')!.textContent).toContain('annexe.txt'));
    expect(document.getElementById('attachment-pending')).toBeNull();
  });

  it('refuses an empty or too large file before reading it, and translates a hash mismatch', async () => {
    vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [] });
    vi.spyOn(api, 'uploadAttachment').mockRejectedValue(new ApiError({ status: 422, code: 'attachment.hash_mismatch', field: 'content_sha256' }));
    renderAs(MA, request());
    const input = (await screen.findByLabelText('Choose a file')) as HTMLInputElement;
    const big = new File(['x'], 'scan.tiff');
    Object.defineProperty(big, 'size', { value: MAX_ATTACHMENT_BYTES + 1 });
    fireEvent.change(input, { target: { files: [big] } });
    expect((await screen.findByRole('alert')).textContent).toBe('scan.tiff is 32 MB: a file can be at most 32 MB.');
    fireEvent.change(input, { target: { files: [new File([], 'vide.pdf')] } });
    expect((await screen.findByRole('alert')).textContent).toBe('vide.pdf is empty: there is nothing to attach.');
    fireEvent.change(input, { target: { files: [new File(['abc'], 'a.txt')] } });
    // The button exists, disabled, while the file is hashed; a click then would do nothing.
    await found('#attachment-state[data-step="ready"]');
    fireEvent.click(screen.getByRole('button', { name: 'Attach the file' }));
    const error = await found('#attachment-error');
    expect(error.getAttribute('data-code')).toBe('attachment.hash_mismatch');
    expect(error.textContent).toMatch(/The file changed on the way/);
    expect(error.textContent).toContain('SHA-256 of the file');
  });

  it('the receiving side downloads a file and checks its SHA-256', async () => {
    vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [attachment()] });
    const download = vi.spyOn(api, 'downloadAttachment').mockResolvedValue({ blob: new Blob(['abc']), sha256: ABC_SHA256 });
    const createUrl = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: createUrl, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderAs(FR, request({ status: 'delivered', next_states: ['acknowledged'] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Download jugement du 12 mars.pdf' }));
    await screen.findByText('jugement du 12 mars.pdf downloaded: its SHA-256 matches, the file is intact.');
    expect(download).toHaveBeenCalledWith('req_1', 'att_1');
    expect(click).toHaveBeenCalled();
    // Bytes that do not match are not saved.
    download.mockResolvedValue({ blob: new Blob(['abd']), sha256: ABC_SHA256 });
    click.mockClear();
    fireEvent.click(screen.getByRole('button', { name: 'Download jugement du 12 mars.pdf' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/does not match its SHA-256/);
    expect(click).not.toHaveBeenCalled();
    // The executing side removes nothing.
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('the issuer removes a draft’s file after confirming', async () => {
    const list = vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [attachment()] });
    const remove = vi.spyOn(api, 'deleteAttachment').mockResolvedValue(undefined);
    renderAs(MA, request());
    fireEvent.click(await screen.findByRole('button', { name: 'Remove jugement du 12 mars.pdf' }));
    const dialog = document.getElementById('attachment-dialog')!;
    expect(dialog.textContent).toContain('Remove jugement du 12 mars.pdf?');
    list.mockResolvedValue({ items: [] });
    fireEvent.click(document.getElementById('attachment-dialog-confirm')!);
    await waitFor(() => expect(remove).toHaveBeenCalledWith('req_1', 'att_1'));
    await screen.findByText('No file attached.');
  });

  it('offers no upload on a finished request, and says why', async () => {
    vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [] });
    renderAs(MA, request({ status: 'closed', next_states: [] }));
    await screen.findByText('This request is finished: no more files can be attached.');
    expect(document.getElementById('attachment-file')).toBeNull();
  });

  it('is right to left in Arabic, the SHA-256 staying left to right', async () => {
    await act(() => i18n.changeLanguage('ar'));
    vi.spyOn(api, 'listAttachments').mockResolvedValue({ items: [attachment()] });
    renderAs(MA, request());
    // The heading shows before the list has loaded: wait for the list itself.
    const sha256 = await found('#attachments-list code');
    expect(document.documentElement.dir).toBe('rtl');
    expect(sha256.getAttribute('dir')).toBe('ltr');
    expect(screen.getByText('المرفقات', { exact: false })).toBeTruthy();
    expect(screen.getByLabelText('اختيار ملف')).toBeTruthy();
  });
});
