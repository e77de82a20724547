import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../errors.js';
import { logUnexpected } from '../log-error.js';

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
 * a type error in the variables names the field like any other input error (SPEC X-1). A top-level
 * variable (`$email` given a number, or missing) is named by itself: `email`.
 */
function variablePath(message: string): string | undefined {
  const match = /^Variable "\$\w+" got invalid value .*? at "\w+\.([^"]+)"/.exec(message);
  const inner = match?.[1]?.replace(/\[(\d+)\]/g, '.$1');
  if (inner) return inner;
  const field = /^Variable "\$\w+" got invalid value .*?; Field "(\w+)" of required type/.exec(message);
  if (field?.[1]) return field[1];
  return /^Variable "\$(\w+)" (?:got invalid value|of required type|of non-null type)/.exec(message)?.[1];
}

/**
 * For refusals before execution (Apollo plugins): the AppError's code and field errors, with an
 * HTTP status, where a plain throw would be answered 500.
 */
export function refuseRequest(error: AppError, status = 400): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });
}

function appErrorIn(error: unknown): AppError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof AppError) return original.originalError;
  return undefined;
}

/** One place maps every failure to the contract's error shape; stack traces never leave the server. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const appError = appErrorIn(error);
  if (appError) {
    return {
      message: appError.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: appError.code,
        ...(appError.fieldErrors.length > 0 ? { fieldErrors: appError.fieldErrors } : {}),
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
  logUnexpected('graphql', unwrapResolverError(error));
  return {
    message: 'Something went wrong on our side. Try again; if it keeps happening, contact the AIM help desk.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
