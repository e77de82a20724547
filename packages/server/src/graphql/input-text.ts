import type { ApolloServerPlugin } from '@apollo/server';
import type { FieldError } from '@aim/domain';
import { type DocumentNode, Kind, type SelectionSetNode, type ValueNode } from 'graphql';
import { invalidInput } from '../errors.js';
import { refuseRequest } from './format-error.js';

/**
 * Control characters (NUL above all, which PostgreSQL cannot store in text) in any string the
 * client sends. Tab, line feed and carriage return stay allowed: addresses and messages have lines.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const MESSAGE = 'Remove the control character (such as a NUL byte) from this text.';
// Deeper than any input type of the schema; a deeper value is refused when the variables are coerced.
const MAX_VALUE_DEPTH = 32;

/**
 * Every string argument of an operation, literal or variable, checked in this one place before
 * anything runs. Paths follow SPEC X-1: an input object's fields by their own path
 * (`products.0.description`), any other argument by its name (`search`).
 */
export function controlCharacterErrors(document: DocumentNode, variables: Readonly<Record<string, unknown>>): FieldError[] {
  const paths = new Set<string>();

  function inspect(value: unknown, path: string[], depth: number): void {
    if (depth > MAX_VALUE_DEPTH) return;
    if (typeof value === 'string') {
      if (CONTROL_CHARACTER.test(value)) paths.add(path.join('.'));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => inspect(item, [...path, String(index)], depth + 1));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) inspect(item, [...path, key], depth + 1);
    }
  }

  function inspectNode(node: ValueNode, path: string[], depth: number): void {
    switch (node.kind) {
      case Kind.STRING:
        return inspect(node.value, path, depth);
      case Kind.VARIABLE:
        return inspect(variables[node.name.value], path, depth);
      case Kind.LIST:
        return node.values.forEach((item, index) => inspectNode(item, [...path, String(index)], depth + 1));
      case Kind.OBJECT:
        return node.fields.forEach((field) => inspectNode(field.value, [...path, field.name.value], depth + 1));
      default:
        return;
    }
  }

  const isInputObject = (node: ValueNode) =>
    node.kind === Kind.OBJECT ||
    (node.kind === Kind.VARIABLE && typeof variables[node.name.value] === 'object' && !Array.isArray(variables[node.name.value]));

  function inspectSelections(set: SelectionSetNode): void {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) {
          inspectNode(argument.value, isInputObject(argument.value) ? [] : [argument.name.value], 0);
        }
      }
      // Fragments are inspected where they are defined, once each.
      if ('selectionSet' in selection && selection.selectionSet) inspectSelections(selection.selectionSet);
    }
  }

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      inspectSelections(definition.selectionSet);
    }
  }
  return [...paths].map((path) => ({ path, message: MESSAGE }));
}

/** Refuses, as BAD_USER_INPUT naming each field, an operation whose strings hold control characters. */
export const controlCharacterPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const errors = controlCharacterErrors(document, request.variables ?? {});
        if (errors.length > 0) throw refuseRequest(invalidInput(errors));
      },
    };
  },
};
