import type { FormErrors } from '../forms/form-errors';

/**
 * The server may name a path the form has no field for (a flag it already held, the license
 * `number`); that message is about the form as a whole, so it goes atop the form, never to a link
 * that leads nowhere.
 */
export function placeErrors(errors: FormErrors, fieldPaths: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  const form = [...errors.form];
  for (const [path, message] of Object.entries(errors.fields)) {
    if (fieldPaths.includes(path)) fields[path] = message;
    else form.push(message);
  }
  return { fields, form };
}
