import { type Ref, ref, watch } from 'vue';
import { userStorage } from '../session/user-storage';
import { type ApplicationValues, type ProductValues, emptyApplication, emptyProduct } from './license-application';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Only strings survive from storage, field by field: an old or tampered draft cannot break the form. */
function strings<T extends object>(template: T, stored: unknown): T {
  if (!isRecord(stored)) return template;
  const result: Record<string, unknown> = Object.fromEntries(Object.entries(template));
  for (const key of Object.keys(template)) if (typeof stored[key] === 'string') result[key] = stored[key];
  return result as T;
}

function restore(stored: unknown): ApplicationValues | undefined {
  if (!isRecord(stored) || !Array.isArray(stored.products)) return undefined;
  const { products: _products, ...header } = emptyApplication();
  const products: ProductValues[] = stored.products.map((product: unknown) => strings(emptyProduct(), product));
  return { ...strings(header, stored), products: products.length ? products : [emptyProduct()] };
}

/**
 * The application being written, kept in the browser until it is submitted (issue #6): a reload,
 * a crash or an expired session loses nothing. `discard` forgets it once the license exists.
 */
export function useApplicationDraft(userId: string, name: string, initial: () => ApplicationValues) {
  const stored = restore(userStorage.read(userId, name));
  const values: Ref<ApplicationValues> = ref(stored ?? initial());
  /** Whether the form opened on work left unfinished, which the page says so it is not a surprise. */
  const restored = ref(stored !== undefined);
  const stop = watch(values, (current) => userStorage.write(userId, name, current), { deep: true });
  return {
    values,
    restored,
    startOver() {
      values.value = initial();
      restored.value = false;
    },
    discard() {
      stop();
      userStorage.remove(userId, name);
    },
  };
}
