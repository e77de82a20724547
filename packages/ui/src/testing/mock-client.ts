import { Client, type Exchange, type Operation, type OperationResult, makeErrorResult, makeResult } from '@urql/vue';
import { filter, fromPromise, mergeMap, pipe } from 'wonka';

/** An error in a GraphQL response, as the API sends it. */
export interface GraphQLErrorReply {
  message: string;
  extensions?: { [key: string]: unknown };
}

/** What the fake API answers an operation: data, GraphQL errors, or a dropped connection. */
export type Reply = { data: Record<string, unknown> } | { errors: GraphQLErrorReply[] } | { networkError: true };

/**
 * A real urql Client whose only exchange answers each operation with `respond`: the app's components,
 * composables and documents run unchanged; only the network is replaced. When `respond` throws (say, the
 * test prepared no reply), the request fails with that error, so the test sees it instead of waiting forever.
 */
export function mockClient(respond: (operation: Operation) => Reply | Promise<Reply>): Client {
  async function answer(operation: Operation): Promise<OperationResult> {
    let reply: Reply;
    try {
      reply = await respond(operation);
    } catch (error) {
      return makeErrorResult(operation, error instanceof Error ? error : new Error(String(error)));
    }
    if ('networkError' in reply) return makeErrorResult(operation, new TypeError('Failed to fetch'));
    if ('errors' in reply) return makeResult(operation, { data: null, errors: reply.errors });
    return makeResult(operation, { data: reply.data });
  }

  const answeringExchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) => fromPromise(answer(operation))),
    );

  return new Client({ url: '/graphql', exchanges: [answeringExchange] });
}
