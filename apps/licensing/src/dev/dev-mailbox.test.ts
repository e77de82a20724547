import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../testing/mock-api';
import { mountApp } from '../testing/mount-app';
import type { MailboxMessage } from './dev-mailbox';

const signUpCode: MailboxMessage = {
  to: ['pat@glm.example'],
  cc: [],
  subject: 'Your AIM sign-up code',
  text: 'Your code is 123456. It expires in 10 minutes.',
  sentAt: '2026-11-26T10:00:00.000Z',
};

function serveMailbox(messages: MailboxMessage[]) {
  const fetch = vi.fn(async () => Response.json({ messages }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('Development mailbox', () => {
  it('hides its link when the server answers 404, as one that sends real email does', async () => {
    const { wrapper } = await mountApp('/', mockApi({}), null);

    expect(fetch).toHaveBeenCalledWith('/api/dev/mailbox', expect.anything());
    expect(wrapper.find('.usa-site-alert').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('development mailbox');
  });

  it('links to the mailbox from a site alert when the server keeps its email in memory', async () => {
    serveMailbox([]);
    const { wrapper } = await mountApp('/', mockApi({}), null);

    const link = wrapper.get('.usa-site-alert a');
    expect(link.text()).toBe('development mailbox');
    expect(link.attributes('href')).toMatch(/\/dev\/mailbox$/);
  });

  it('shows each message so a newcomer can read the sign-up code', async () => {
    serveMailbox([signUpCode]);
    const { wrapper } = await mountApp('/dev/mailbox', mockApi({}), null);

    expect(wrapper.get('h2').text()).toBe('Your AIM sign-up code');
    expect(wrapper.text()).toContain('pat@glm.example');
    expect(wrapper.get('pre').text()).toBe('Your code is 123456. It expires in 10 minutes.');
  });

  it('says the mailbox is empty, and that it is off when the server sends real email', async () => {
    serveMailbox([]);
    const empty = await mountApp('/dev/mailbox', mockApi({}), null);
    expect(empty.wrapper.text()).toContain('No messages yet.');
    empty.wrapper.unmount();

    vi.stubGlobal('fetch', vi.fn(async () => new Response('Not found', { status: 404 })));
    const off = await mountApp('/dev/mailbox', mockApi({}), null);
    expect(off.wrapper.text()).toContain('This server sends real email, so there is no development mailbox.');
  });
});
