import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client';
import { graphql } from './graphql';

const ProductGroupsQuery = graphql(`
  query ProductGroups {
    productGroups(productType: ALUMINUM) {
      id
      name
    }
  }
`);

function stubFetch() {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => Response.json({ data: { productGroups: [] } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('API client', () => {
  it.each([true, false])(
    'posts JSON to /graphql with the session cookie, as the server’s CSRF prevention requires (document cache: %s)',
    async (documentCache) => {
      const fetch = stubFetch();

      const result = await createApiClient({ documentCache }).query(ProductGroupsQuery, {}).toPromise();

      expect(result.data).toEqual({ productGroups: [] });
      const [url, init] = fetch.mock.calls[0] ?? [];
      expect(url).toBe('/graphql');
      expect(init?.method).toBe('POST');
      expect(init?.credentials).toBe('same-origin');
      expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    },
  );

  it.each([
    [true, 1],
    [false, 2],
  ])('with document cache %s, the same query asked twice reaches the server %i time(s)', async (documentCache, requests) => {
    const fetch = stubFetch();
    const client = createApiClient({ documentCache });

    await client.query(ProductGroupsQuery, {}).toPromise();
    await client.query(ProductGroupsQuery, {}).toPromise();

    expect(fetch).toHaveBeenCalledTimes(requests);
  });
});
