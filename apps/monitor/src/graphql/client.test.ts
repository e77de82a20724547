import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { ProductGroupsQuery } from './reference';

describe('API client', () => {
  it('posts JSON to /graphql, as the server’s CSRF prevention requires', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => Response.json({ data: { productGroups: [] } }));
    vi.stubGlobal('fetch', fetch);

    await createApiClient().query(ProductGroupsQuery, {}).toPromise();

    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });
});
