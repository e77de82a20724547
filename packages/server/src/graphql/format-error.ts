import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors.js';

// Apollo's own client-facing codes: the request itself was malformed.
const requestErrorCodes = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/**
 * `Variable "$input" got invalid value … at "input.products[0].volumeKg"` → `products.0.volumeKg`:
 * a type error in the variables names the field like any other input error (SPEC X-1).
 */
function variablePath(message: string): string | undefined {
  const match = /^Variable "\$\w+" got invalid value .*? at "\w+\.([^"]+)"/.exec(message);
  const inner = match?.[1]?.replace(/\[(\d+)\]/g, '.$1');
  if (inner) return inner;
  const field = /^Variable "\$\w+" got invalid value .*?; Field "(\w+)" of required type/.exec(message);
  return field?.[1];
}

/** One place maps every failure to the contract's error shape; stack traces never leave the server. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: original.code,
        ...(original.fieldErrors.length > 0 ? { fieldErrors: original.fieldErrors } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && requestErrorCodes.has(code)) {
    const path = code === ApolloServerErrorCode.BAD_USER_INPUT ? variablePath(formatted.message) : undefined;
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code, ...(path ? { fieldErrors: [{ path, message: formatted.message }] } : {}) },
    };
  }
  console.error('[graphql] unexpected error:', original);
  return {
    message: 'Something went wrong on our side. Try again; if it keeps happening, contact the AIM help desk.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
