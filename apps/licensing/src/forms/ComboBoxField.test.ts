import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import ComboBoxField from './ComboBoxField.vue';

const choices = [
  { value: 'AF', label: 'Afghanistan' },
  { value: 'CA', label: 'Canada' },
  { value: 'CN', label: 'China' },
  { value: 'NO', label: 'Norway' },
];

function mountBox(initial = '') {
  const model = ref(initial);
  const wrapper = mount(ComboBoxField, {
    props: { id: 'country', label: 'Country', choices, modelValue: model.value, 'onUpdate:modelValue': (value: string) => (model.value = value) },
    attachTo: document.body,
  });
  return { wrapper, model, input: wrapper.get<HTMLInputElement>('#country') };
}

describe('the combo box (LIC-5: countries picked from a list, spelled out)', () => {
  it('narrows the list as the filer types, names first, and Enter picks the highlighted option', async () => {
    const { wrapper, model, input } = mountBox();
    await input.setValue('c');
    expect(wrapper.findAll('[role=option]').map((option) => option.text())).toEqual(['Canada', 'China']);
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(input.attributes('aria-activedescendant')).toBe('country--option-1');
    await input.trigger('keydown', { key: 'Enter' });
    expect(model.value).toBe('CN');
    expect(input.element.value).toBe('China');
  });

  it('takes a name or code typed in full, and arrows then start from it rather than the top of the list', async () => {
    const { model, input } = mountBox();
    await input.setValue('canada');
    expect(model.value).toBe('CA');
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'Enter' });
    expect(model.value).toBe('CA');
    await input.setValue('no');
    expect(model.value).toBe('NO');
  });

  it('leaves the value empty for text that names no option, so the form’s rules can say so', async () => {
    const { wrapper, model, input } = mountBox('CA');
    expect(input.element.value).toBe('Canada');
    await input.setValue('Atlantis');
    expect(model.value).toBe('');
    expect(wrapper.text()).toContain('No results found');
    expect(wrapper.get('[role=status]').text()).toBe('No results.');
  });
});

describe('the combo box with a long list', () => {
  it('starts the arrows from a choice far down the list', async () => {
    const many = Array.from({ length: 300 }, (_, index) => ({ value: `C${index}`, label: `Country ${String(index).padStart(3, '0')}` }));
    const model = ref('');
    const wrapper = mount(ComboBoxField, {
      props: { id: 'far', label: 'Country', choices: many, modelValue: model.value, 'onUpdate:modelValue': (value: string) => (model.value = value) },
    });
    const input = wrapper.get<HTMLInputElement>('#far');
    await input.setValue('Country 250');
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'Enter' });
    expect(model.value).toBe('C250');
  });
});
