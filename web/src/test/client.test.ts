import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, headerValue } from '../api/client';

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
    }),
  );
}

function sentHeaders(f: ReturnType<typeof fakeFetch>, call = 0): Record<string, string> {
  return (f.mock.calls[call][1]?.headers ?? {}) as Record<string, string>;
}

describe('API client', () => {
  it('sends X-Purpose and X-Case-Reference on reads of personal data', async () => {
    const f = fakeFetch(200, { items: [], next_cursor: null });
    const api = new ApiClient({ fetch: f, purpose: () => ({ purpose: 'Verification', caseReference: 'PNAT-1' }) });
    await api.searchPersons('Benali', 20);
    expect(String(f.mock.calls[0][0])).toBe('/api/v1/persons?name=Benali&limit=20');
    expect(sentHeaders(f)['X-Purpose']).toBe('Verification');
    expect(sentHeaders(f)['X-Case-Reference']).toBe('PNAT-1');
  });

  it('refuses a read of personal data without a purpose, before any request', async () => {
    const f = fakeFetch(200, {});
    const api = new ApiClient({ fetch: f, purpose: () => null });
    await expect(api.getPerson('per_1')).rejects.toMatchObject({ code: 'purpose.required' });
    expect(f).not.toHaveBeenCalled();
  });

  it('does not send the purpose where no personal data is read', async () => {
    const f = fakeFetch(200, { items: [] });
    const api = new ApiClient({ fetch: f, purpose: () => ({ purpose: 'x', caseReference: '' }) });
    await api.audit();
    expect(sentHeaders(f)['X-Purpose']).toBeUndefined();
  });

  it('sends a non-ASCII purpose as UTF-8 bytes (a valid header value)', () => {
    const v = headerValue('تحقق é');
    expect([...v].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
    const bytes = Uint8Array.from([...v].map((c) => c.charCodeAt(0)));
    expect(new TextDecoder().decode(bytes)).toBe('تحقق é');
    expect(headerValue('plain\r\ntext')).toBe('plain text');
  });

  it('writes with If-Match carrying the version, and the purpose the answer is read for', async () => {
    const f = fakeFetch(200, { id: 'per_1', version: 3 });
    const api = new ApiClient({ fetch: f, purpose: () => ({ purpose: 'p', caseReference: '' }) });
    await api.updatePerson('per_1', 2, { birth_place: 'Tanger' });
    const init = f.mock.calls[0][1]!;
    expect(init.method).toBe('PATCH');
    expect(sentHeaders(f)['If-Match']).toBe('"2"');
    expect(JSON.parse(String(init.body))).toEqual({ birth_place: 'Tanger' });
    // The server answers a write with the whole record only with a purpose (and logs the read).
    expect(sentHeaders(f)['X-Purpose']).toBe('p');
    await expect(new ApiClient({ fetch: f }).updatePerson('per_1', 3, {})).rejects.toMatchObject({ code: 'purpose.required' });
    await api.deleteProceeding('prc_1', 5);
    expect(sentHeaders(f, 1)['If-Match']).toBe('"5"');
  });

  it('grants a deadline extension like a transition: kind and reason in the body, no If-Match, the purpose', async () => {
    const f = fakeFetch(200, { id: 'req_1', deadlines: [] });
    const api = new ApiClient({ fetch: f, purpose: () => ({ purpose: 'p', caseReference: '' }) });
    await api.extendDeadline('req_1', 'recognition', 'Vérifications bancaires en cours');
    expect(String(f.mock.calls[0][0])).toBe('/api/v1/requests/req_1/extensions');
    const init = f.mock.calls[0][1]!;
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ kind: 'recognition', reason: 'Vérifications bancaires en cours' });
    expect(sentHeaders(f)['If-Match']).toBeUndefined();
    expect(sentHeaders(f)['X-Purpose']).toBe('p');
    const refused = new ApiClient({ fetch: fakeFetch(409, { code: 'clocks.extension_used', status: 409, field: 'kind' }), purpose: () => ({ purpose: 'p', caseReference: '' }) });
    await expect(refused.extendDeadline('req_1', 'recognition', 'x')).rejects.toMatchObject({ code: 'clocks.extension_used', status: 409 });
  });

  it('asks for notifications newest first only when told to', async () => {
    const f = fakeFetch(200, { items: [], next_cursor: null });
    const api = new ApiClient({ fetch: f });
    await api.notifications(null, 100, 'newest');
    await api.notifications('c1', 20);
    expect(String(f.mock.calls[0][0])).toBe('/api/v1/notifications?limit=100&order=newest');
    expect(String(f.mock.calls[1][0])).toBe('/api/v1/notifications?limit=20&cursor=c1');
  });

  it('turns problem+json into an ApiError and reports an expired session', async () => {
    const onUnauthenticated = vi.fn();
    const f = fakeFetch(401, { code: 'auth.unauthenticated', status: 401, detail: 'Session expired' });
    const api = new ApiClient({ fetch: f, onUnauthenticated, purpose: () => ({ purpose: 'p', caseReference: '' }) });
    const err = await api.listProceedings().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('auth.unauthenticated');
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('asks for a fresh code on auth.step_up_required and sends the request once more', async () => {
    const answers = [
      new Response(JSON.stringify({ code: 'auth.step_up_required', status: 401 }), { status: 401 }),
      new Response(JSON.stringify({ id: 'usr_1' }), { status: 201 }),
    ];
    const f = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => answers.shift()!);
    const api = new ApiClient({ fetch: f });
    const asked = vi.fn(async () => true);
    api.onStepUpRequired = asked;
    await expect(api.createUser({ username: 'fr.x', password: 'p', role: 'analyst' })).resolves.toEqual({ id: 'usr_1' });
    expect(asked).toHaveBeenCalledOnce();
    expect(f).toHaveBeenCalledTimes(2);
  });

  it('gives up with the refusal when the user cancels the step-up', async () => {
    const f = fakeFetch(401, { code: 'auth.step_up_required', status: 401 });
    const api = new ApiClient({ fetch: f });
    api.onStepUpRequired = async () => false;
    const err = await api.createUser({ username: 'fr.x', password: 'p', role: 'analyst' }).catch((e) => e);
    expect(err.code).toBe('auth.step_up_required');
    expect(f).toHaveBeenCalledOnce();
  });

  it('a failed login is not a session expiry', async () => {
    const onUnauthenticated = vi.fn();
    const f = fakeFetch(401, { code: 'auth.invalid_credentials', status: 401 });
    const api = new ApiClient({ fetch: f, onUnauthenticated });
    await expect(api.login('a', 'b')).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('a non-JSON error or a network failure still yields a problem code', async () => {
    const html = vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(new ApiClient({ fetch: html }).users()).rejects.toMatchObject({ code: 'http.unexpected', status: 502 });
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(new ApiClient({ fetch: down }).users()).rejects.toMatchObject({ code: 'network.unreachable' });
  });
  it('sends every POST but the login with a fresh quoted Idempotency-Key', async () => {
    const f = fakeFetch(201, { id: 'req_1' });
    const client = new ApiClient({ fetch: f, purpose: () => ({ purpose: 'p', caseReference: '' }) });
    await client.createRequest({} as never);
    await client.createRequest({} as never);
    await client.transitionRequest('req_1', 'sent');
    await client.login('fr.prosecutor', 'x');
    await client.users();
    const keys = [0, 1, 2].map((call) => sentHeaders(f, call)['Idempotency-Key']);
    for (const key of keys) expect(key).toMatch(/^"[0-9a-f]{32}"$/);
    expect(new Set(keys).size).toBe(3);
    expect(sentHeaders(f, 3)['Idempotency-Key']).toBeUndefined();
    expect(sentHeaders(f, 4)['Idempotency-Key']).toBeUndefined();
  });

  it('sends a POST whose answer never came again, with the same key, then gives up', async () => {
    let calls = 0;
    const flaky = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => {
      calls += 1;
      if (calls < 3) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ id: 'req_e', status: 'sent' }), { status: 200 });
    });
    const client = new ApiClient({ fetch: flaky, retryDelaysMs: [0, 0], purpose: () => ({ purpose: 'p', caseReference: '' }) });
    expect(await client.transitionRequest('req_e', 'sent')).toEqual({ id: 'req_e', status: 'sent' });
    expect(flaky).toHaveBeenCalledTimes(3);
    const keys = flaky.mock.calls.map((c) => (c[1]?.headers as Record<string, string>)['Idempotency-Key']);
    expect(new Set(keys).size).toBe(1);
    expect(flaky.mock.calls.map((c) => c[1]?.body)).toEqual(Array(3).fill(JSON.stringify({ to: 'sent' })));

    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(new ApiClient({ fetch: down, retryDelaysMs: [0, 0] }).createRequest({} as never)).rejects.toMatchObject({
      code: 'network.unreachable',
    });
    expect(down).toHaveBeenCalledTimes(3);
    // A read, or a refusal, is not sent again.
    down.mockClear();
    await expect(new ApiClient({ fetch: down, retryDelaysMs: [0, 0] }).users()).rejects.toMatchObject({ code: 'network.unreachable' });
    expect(down).toHaveBeenCalledTimes(1);
    const refused = fakeFetch(409, { code: 'request.invalid_transition' });
    await expect(new ApiClient({ fetch: refused, retryDelaysMs: [0, 0], purpose: () => ({ purpose: 'p', caseReference: '' }) }).transitionRequest('r', 'sent')).rejects.toBeInstanceOf(ApiError);
    expect(refused).toHaveBeenCalledTimes(1);
  });
});
