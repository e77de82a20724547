import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ProductGroup } from '../graphql/reference';
import { type Reply, mockClient } from '@aim/ui/testing';
import ProductGroupList from './ProductGroupList.vue';

const groups: ProductGroup[] = [
  { id: '1', name: 'Unwrought aluminum' },
  { id: '2', name: 'Bars, rods and profiles' },
];

function mountList(replies: Reply[]) {
  const pending: Array<(reply: Reply) => void> = [];
  const client = mockClient(() => new Promise((resolve) => pending.push(resolve)));
  const wrapper = mount(ProductGroupList, { global: { plugins: [[urql, client]] } });
  /** Answers the oldest request still waiting with the next reply. */
  async function answer() {
    pending.shift()?.(replies.shift() ?? { networkError: true });
    await flushPromises();
  }
  return { wrapper, answer };
}

describe('Aluminum product groups', () => {
  it('says it is loading, then lists the groups the API returns', async () => {
    const { wrapper, answer } = mountList([{ data: { productGroups: groups } }]);
    await flushPromises();
    expect(wrapper.get('[role=status]').text()).toBe('Loading product groups…');

    await answer();

    expect(wrapper.findAll('li').map((item) => item.text())).toEqual(['Unwrought aluminum', 'Bars, rods and profiles']);
    expect(wrapper.find('[role=status]').exists()).toBe(false);
  });

  it('says so when there are no groups', async () => {
    const { wrapper, answer } = mountList([{ data: { productGroups: [] } }]);
    await answer();

    expect(wrapper.text()).toBe('No product groups are defined yet.');
  });

  it('reports a failed request in an alert, and tries again on request', async () => {
    const { wrapper, answer } = mountList([{ networkError: true }, { data: { productGroups: groups } }]);
    await answer();

    expect(wrapper.get('[role=alert]').text()).toContain(
      'The product groups could not be loaded. We could not reach AIM. Check your connection and try again.',
    );

    await wrapper.get('button').trigger('click');
    await answer();
    expect(wrapper.findAll('li')).toHaveLength(2);
  });
});
