import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import { logUnexpected } from '../log-error.js';

/**
 * What one GraphQL request may ask for. Every bound holds before a resolver runs, so a hostile
 * document costs the server its parse and one walk, never its execution.
 */
export const operationLimits = {
  /** Tokens in the document, checked while parsing: the standard introspection query has fewer than 500. */
  maxTokens: 5_000,
  /** Nesting of fields with selections; introspection (`__schema`…) is not counted. */
  maxDepth: 10,
  /** Roughly the values an answer may hold: each field costs 1, times the size of the lists around it. */
  maxCost: 25_000,
  /** Aliased fields, each of which the client may ask to run again under another name. */
  maxAliases: 50,
} as const;

/** A list field's size when the schema says nothing better (a license's products, flags, months…). */
const DEFAULT_LIST_SIZE = 10;
/**
 * `__schema` answers the whole schema, about 3,500 values today, whatever is selected; `__type`
 * one type. Flat costs keep the introspection query cheap and aliased copies of it expensive.
 */
const SCHEMA_INTROSPECTION_COST = 4_000;
const TYPE_INTROSPECTION_COST = 100;

/** Field extension read by the cost: `@Extensions({ listSize: 250 })` on a list field. */
export interface ListSizeExtension {
  listSize?: number;
}

export interface OperationMeasure {
  depth: number;
  cost: number;
  aliases: number;
}

const nothing: OperationMeasure = { depth: 0, cost: 0, aliases: 0 };

/**
 * Depth, cost and aliases of one operation. Each fragment is measured once and its measure reused
 * wherever it is spread, so `fragment F2 { ...F1 ...F1 }` nested 26 deep is 26 steps of work (and
 * a cost of 2^26, which the limit refuses), not 2^26 steps.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, OperationMeasure>();
  const measuring = new Set<string>();

  function fragment(name: string): OperationMeasure {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    // A cycle is refused by graphql's own NoFragmentCycles rule; here it only must not recurse forever.
    if (!definition || measuring.has(name)) return nothing;
    measuring.add(name);
    const measure = selectionSet(definition.selectionSet, schema.getType(definition.typeCondition.name.value));
    measuring.delete(name);
    measured.set(name, measure);
    return measure;
  }

  function selectionSet(set: SelectionSetNode, type: GraphQLNamedType | undefined): OperationMeasure {
    const total = { depth: 0, cost: 0, aliases: 0 };
    for (const selection of set.selections) {
      const measure =
        selection.kind === Kind.FIELD
          ? field(selection, type)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? selectionSet(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type)
            : fragment(selection.name.value);
      total.depth = Math.max(total.depth, measure.depth);
      total.cost += measure.cost;
      total.aliases += measure.aliases;
    }
    return total;
  }

  function field(node: FieldNode, parent: GraphQLNamedType | undefined): OperationMeasure {
    const aliases = node.alias && node.alias.value !== node.name.value ? 1 : 0;
    const name = node.name.value;
    if (name === '__schema') return { depth: 0, cost: SCHEMA_INTROSPECTION_COST, aliases };
    if (name === '__type') return { depth: 0, cost: TYPE_INTROSPECTION_COST, aliases };
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    // `__typename`, and fields the validation already refused.
    if (!definition) return { ...nothing, aliases };
    if (!node.selectionSet) return { depth: 0, cost: listSize(definition, node), aliases };
    const inner = selectionSet(node.selectionSet, getNamedType(definition.type));
    return {
      depth: inner.depth + 1,
      cost: (1 + inner.cost) * listSize(definition, node),
      aliases: aliases + inner.aliases,
    };
  }

  function listSize(definition: GraphQLField<unknown, unknown>, node: FieldNode): number {
    // A paged field's `first` sizes everything below it (a connection's edges declare size 1).
    if (definition.args.some((arg) => arg.name === 'first')) {
      const argument = node.arguments?.find((arg) => arg.name.value === 'first');
      const first = argument ? valueOf(argument.value) : definition.args.find((arg) => arg.name === 'first')?.defaultValue;
      return typeof first === 'number' && Number.isFinite(first) ? Math.max(first, 0) : DEFAULT_LIST_SIZE;
    }
    if (!isListType(getNullableType(definition.type))) return 1;
    const declared = (definition.extensions as ListSizeExtension | undefined)?.listSize;
    return declared ?? DEFAULT_LIST_SIZE;
  }

  function valueOf(value: ValueNode): unknown {
    if (value.kind === Kind.VARIABLE) return variables[value.name.value];
    if (value.kind === Kind.INT) return Number(value.value);
    return undefined;
  }

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return selectionSet(operation.selectionSet, root ?? undefined);
}

/** The first limit a measure breaks, in words a client developer can act on. */
export function limitBroken(measure: OperationMeasure): string | undefined {
  const { maxDepth, maxCost, maxAliases } = operationLimits;
  if (measure.depth > maxDepth) return `This query is nested ${measure.depth} levels deep, more than the limit of ${maxDepth}.`;
  if (measure.aliases > maxAliases) return `This query has ${measure.aliases} aliases, more than the limit of ${maxAliases}.`;
  if (measure.cost > maxCost) {
    return `This query costs ${measure.cost}, more than the limit of ${maxCost}. Ask for fewer fields or smaller pages.`;
  }
  return undefined;
}

function refusal(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
  });
}

/**
 * Refuses an operation over the limits once it is parsed and validated, before anything is
 * resolved. A failure to measure is a refusal too: nothing runs that was not measured.
 */
export const operationLimitsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, operation, schema }) {
        if (!operation) throw refusal('The request names no operation of its document.');
        let broken: string | undefined;
        try {
          broken = limitBroken(measureOperation(schema, document, operation, request.variables ?? {}));
        } catch (error) {
          logUnexpected('graphql limits', error);
          broken = 'This query could not be measured against the limits, so it was not run.';
        }
        if (broken) throw refusal(broken);
      },
    };
  },
};
