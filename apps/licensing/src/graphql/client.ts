import { Client, fetchExchange } from '@urql/vue';

/**
 * The API lives on the same origin; the session cookie rides along. No document cache: account data
 * must not outlive a sign-out, and every account page wants the current state anyway.
 */
export function createApiClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [fetchExchange],
    fetchOptions: { credentials: 'same-origin' },
    // urql would send queries as GET, which the server's CSRF prevention refuses without a JSON content type.
    preferGetMethod: false,
    requestPolicy: 'network-only',
  });
}
