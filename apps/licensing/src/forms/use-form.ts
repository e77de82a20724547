import type { FieldError } from '@aim/domain';
import type { CombinedError } from '@urql/vue';
import { reactive } from 'vue';
import { type ErrorWording, type FormErrors, fromFieldErrors, fromOperationError, noErrors } from './form-errors';

export interface Submission<Data> {
  /** The shared @aim/domain rules, checked before sending; the server checks again and decides. */
  validate?: () => readonly FieldError[];
  send: () => Promise<{ data?: Data | null; error?: CombinedError }>;
  onSuccess?: (data: Data) => void | Promise<void>;
}

export interface Form {
  readonly submitting: boolean;
  readonly errors: FormErrors;
  /** The element id of the field at a path, unique on the page. */
  fieldId(path: string): string;
  /** Resolves true when the operation succeeded. */
  submit<Data>(submission: Submission<Data>): Promise<boolean>;
}

/** State shared by every form: busy while sending, and the errors to show beside fields and atop the form. */
export function useForm(idPrefix: string, wording?: ErrorWording): Form {
  const state = reactive({ submitting: false, errors: noErrors });

  async function submit<Data>({ validate, send, onSuccess }: Submission<Data>): Promise<boolean> {
    if (state.submitting) return false;
    const invalid = validate?.() ?? [];
    if (invalid.length > 0) {
      state.errors = fromFieldErrors(invalid);
      return false;
    }
    state.errors = noErrors;
    state.submitting = true;
    try {
      const { data, error } = await send();
      if (error) {
        state.errors = fromOperationError(error, wording);
        return false;
      }
      if (data != null) await onSuccess?.(data);
      return true;
    } finally {
      state.submitting = false;
    }
  }

  return {
    get submitting() {
      return state.submitting;
    },
    get errors() {
      return state.errors;
    },
    fieldId: (path) => `${idPrefix}-${path.replaceAll('.', '-')}`,
    submit,
  };
}
