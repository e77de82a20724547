import { nextTick, ref } from 'vue';

/**
 * The two steps of a flow that starts with a code sent by email (sign-up, password reset): first the
 * address, then the code with the rest of the form.
 */
export function useEmailedCode(emailFormId: string) {
  const email = ref('');
  const codeSent = ref(false);

  function sent(address: string) {
    email.value = address;
    codeSent.value = true;
  }

  async function changeEmail() {
    codeSent.value = false;
    await nextTick();
    document.getElementById(`${emailFormId}-email`)?.focus();
  }

  return { email, codeSent, sent, changeEmail };
}
