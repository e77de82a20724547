import { onMounted, ref } from 'vue';

/** An email the server would have sent, kept in memory because no SMTP server is configured. */
export interface MailboxMessage {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  sentAt: string;
}

export type MailboxState =
  | { status: 'loading' }
  /** The server sends real email: there is no development mailbox. */
  | { status: 'off' }
  | { status: 'unreachable' }
  | { status: 'on'; messages: MailboxMessage[] };

export async function fetchDevMailbox(): Promise<MailboxState> {
  try {
    const response = await fetch('/api/dev/mailbox', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status === 404) return { status: 'off' };
    if (!response.ok) return { status: 'unreachable' };
    const body = (await response.json()) as { messages: MailboxMessage[] };
    return { status: 'on', messages: body.messages };
  } catch {
    return { status: 'unreachable' };
  }
}

/** The development mailbox, read when the component mounts and on `refresh()`. */
export function useDevMailbox() {
  const state = ref<MailboxState>({ status: 'loading' });
  async function refresh() {
    state.value = await fetchDevMailbox();
  }
  onMounted(refresh);
  return { state, refresh };
}
