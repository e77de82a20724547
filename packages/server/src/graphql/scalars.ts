import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { CountryCodeResolver, DateTimeResolver } from 'graphql-scalars';

/** A string scalar checked against a pattern (and an optional extra test) on the way in and out. */
function patternScalar(name: string, description: string, pattern: RegExp, valid: (value: string) => boolean = () => true) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value) || !valid(value)) {
      throw new GraphQLError(`${name} must be ${description}; got ${JSON.stringify(value)}.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: check,
    parseValue: check,
    parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date in U.S. Eastern time (SPEC X-3), `YYYY-MM-DD`; kept a string so no time zone creeps in. */
export const DateScalar = patternScalar('Date', 'a calendar date YYYY-MM-DD', /^\d{4}-\d{2}-\d{2}$/, isCalendarDate);

export const YearMonthScalar = patternScalar('YearMonth', 'a month YYYY-MM', /^\d{4}-(0[1-9]|1[0-2])$/);

export const DateTimeScalar = DateTimeResolver;
export const CountryCodeScalar = CountryCodeResolver;
