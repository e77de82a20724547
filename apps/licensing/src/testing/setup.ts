import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';

enableAutoUnmount(afterEach);

// Like a server with SMTP configured: no development mailbox unless a test says otherwise.
beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async () => new Response('Not found', { status: 404 })));
});
