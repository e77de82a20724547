import { type UnwrapNestedRefs, computed, reactive, ref, watch } from 'vue';
import { type LocationQuery, type LocationQueryRaw, useRoute, useRouter } from 'vue-router';
import type { FormErrors } from '../forms/form-errors';

export interface FilteredPagesOptions<Filter extends object> {
  fromQuery: (query: LocationQuery) => Filter;
  toQuery: (filter: Filter) => LocationQueryRaw;
  /** A range whose "from" is after its "to", by the path of the field its message goes beside. */
  dateErrors: (filter: Filter) => Readonly<Record<string, string>>;
  pageSize: number;
}

/**
 * A list of licenses whose filter lives in the URL (DASH-1, REV-1), so a reload or a shared link
 * shows the same list, read a page at a time by cursor. The form edits a copy until it is applied.
 */
export function useFilteredPages<Filter extends object>({ fromQuery, toQuery, dateErrors, pageSize }: FilteredPagesOptions<Filter>) {
  const route = useRoute();
  const router = useRouter();

  const applied = computed(() => fromQuery(route.query));
  const form = reactive(fromQuery(route.query));
  watch(applied, (filter) => Object.assign(form, filter));

  // The cursors of the pages before this one, so "Previous" can go back.
  const cursors = ref<string[]>([]);
  watch(applied, () => (cursors.value = []));

  // A backwards date range would match nothing: it is said beside the field instead of an empty list.
  const rangeErrors = ref<Readonly<Record<string, string>>>(dateErrors(applied.value));
  watch(applied, (shown) => (rangeErrors.value = dateErrors(shown)));
  const filterErrors = computed<FormErrors>(() => ({ fields: rangeErrors.value, form: [] }));
  const backwards = computed(() => Object.keys(dateErrors(applied.value)).length > 0);

  return {
    applied,
    form: form as UnwrapNestedRefs<Filter>,
    rangeErrors,
    filterErrors,
    backwards,
    cursors,
    after: computed(() => cursors.value.at(-1) ?? null),
    firstShown: computed(() => cursors.value.length * pageSize + 1),
    apply() {
      rangeErrors.value = dateErrors(form as Filter);
      if (Object.keys(rangeErrors.value).length > 0) return;
      void router.replace({ query: toQuery(form as Filter) });
    },
    clear() {
      void router.replace({ query: {} });
    },
    next(endCursor: string | null | undefined) {
      if (endCursor) cursors.value = [...cursors.value, endCursor];
    },
    previous() {
      cursors.value = cursors.value.slice(0, -1);
    },
  };
}
