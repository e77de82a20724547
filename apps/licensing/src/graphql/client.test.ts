import { describe, expect, it, vi } from 'vitest';
import { MeQuery } from './account';
import { createApiClient } from './client';

describe('API client', () => {
  it('posts JSON to /graphql with the session cookie, as the server’s CSRF prevention requires', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => Response.json({ data: { me: null } }));
    vi.stubGlobal('fetch', fetch);

    const result = await createApiClient().query(MeQuery, {}).toPromise();

    expect(result.data).toEqual({ me: null });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });
});
