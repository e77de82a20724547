import type { FieldError } from '@aim/domain';
import { mockClient } from '@aim/ui/testing';
import { type Client, getOperationName } from '@urql/vue';
import type { ErrorCode } from '../forms/form-errors';

export interface GraphQLErrorReply {
  message: string;
  extensions: { code: ErrorCode; fieldErrors?: FieldError[] };
}

/** What the fake API answers an operation: data, GraphQL errors, or a dropped connection. */
export type Reply = { data: Record<string, unknown> } | { errors: GraphQLErrorReply[] } | { networkError: true };

type Variables = Record<string, unknown>;
export type Responder = Reply | ((variables: Variables) => Reply | Promise<Reply>);

export interface ApiCall {
  operation: string;
  variables: Variables;
}

export interface MockApi {
  client: Client;
  /** Every operation the app sent, in order. */
  calls: ApiCall[];
  callsTo(operation: string): Variables[];
}

export function badUserInput(...fieldErrors: FieldError[]): Reply {
  return { errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fieldErrors } }] };
}

export function failure(code: ErrorCode, message = 'Refused'): Reply {
  return { errors: [{ message, extensions: { code } }] };
}

/** A fake API that answers from `responders`, keyed by operation name, and records what the app sent. */
export function mockApi(responders: Record<string, Responder>): MockApi {
  const calls: ApiCall[] = [];

  const client = mockClient(async (operation) => {
    const name = getOperationName(operation.query) ?? '(anonymous)';
    const variables = (operation.variables ?? {}) as Variables;
    calls.push({ operation: name, variables });
    const responder = responders[name];
    if (!responder) throw new Error(`The test gave no reply for ${name}`);
    return typeof responder === 'function' ? responder(variables) : responder;
  });

  return {
    client,
    calls,
    callsTo: (operation) => calls.filter((call) => call.operation === operation).map((call) => call.variables),
  };
}

/** A reply the test releases when it wants, to look at the page while the request is on its way. */
export function deferred(): { responder: () => Promise<Reply>; release(reply: Reply): void } {
  let release: (reply: Reply) => void = () => undefined;
  const pending = new Promise<Reply>((resolve) => (release = resolve));
  return { responder: () => pending, release: (reply) => release(reply) };
}
