import { Client, type Exchange, type Operation, type OperationResult, makeErrorResult, makeResult } from '@urql/vue';
import { filter, fromPromise, mergeMap, pipe } from 'wonka';

/** What the fake API answers: data, or a dropped connection. */
export type Reply = { data: Record<string, unknown> } | { networkError: true };

/**
 * A real urql Client whose only exchange answers each operation with `respond`: the components and their
 * documents run unchanged; only the network is replaced.
 */
export function mockClient(respond: (operation: Operation) => Promise<Reply>): Client {
  async function answer(operation: Operation): Promise<OperationResult> {
    const reply = await respond(operation);
    return 'networkError' in reply
      ? makeErrorResult(operation, new TypeError('Failed to fetch'))
      : makeResult(operation, { data: reply.data });
  }
  const answeringExchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) => fromPromise(answer(operation))),
    );
  return new Client({ url: '/graphql', exchanges: [answeringExchange] });
}
