import { Client, cacheExchange, fetchExchange } from '@urql/vue';

/**
 * The public API on the same origin. Published figures change once a week, so the document cache
 * may keep them for the visit.
 */
export function createApiClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    // urql would send queries as GET, which the server's CSRF prevention refuses without a JSON content type.
    preferGetMethod: false,
  });
}
