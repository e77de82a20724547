import { Client, cacheExchange, fetchExchange } from '@urql/vue';

interface ApiClientOptions {
  /**
   * Whether results may be kept for the visit and reused. Without the cache every query asks the
   * server again, so nothing outlives a change such as a sign-out.
   */
  documentCache: boolean;
}

/** The AIM API on the same origin as the app, with the session cookie riding along. */
export function createApiClient({ documentCache }: ApiClientOptions): Client {
  return new Client({
    url: '/graphql',
    exchanges: documentCache ? [cacheExchange, fetchExchange] : [fetchExchange],
    requestPolicy: documentCache ? 'cache-first' : 'network-only',
    fetchOptions: { credentials: 'same-origin' },
    // urql would send queries as GET, which the server's CSRF prevention refuses without a JSON content type.
    preferGetMethod: false,
  });
}
