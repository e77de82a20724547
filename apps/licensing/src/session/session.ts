import type { Client } from '@urql/vue';
import { type ComputedRef, type InjectionKey, computed, inject, shallowRef } from 'vue';
import { MeQuery, type User } from '../graphql/account';
import { userStorage } from './user-storage';

/** Who is signed in, as the server's session cookie says. */
export interface Session {
  readonly user: ComputedRef<User | null>;
  /** Asks the server once per page load; later calls reuse the answer. */
  load(): Promise<User | null>;
  /** Records the user a sign-in, sign-up, password reset or profile update returned. */
  signedIn(user: User): void;
  signedOut(): void;
}

export function createSession(client: Client): Session {
  const user = shallowRef<User | null>(null);
  let loaded: Promise<User | null> | undefined;

  return {
    user: computed(() => user.value),
    load() {
      // A failed lookup counts as signed out: the guarded pages then offer sign-in, which reports the fault.
      loaded ??= client
        .query(MeQuery, {})
        .toPromise()
        .then((result) => {
          user.value = result.data?.me ?? null;
          return user.value;
        });
      return loaded;
    },
    signedIn(signedInUser) {
      user.value = signedInUser;
      loaded = Promise.resolve(signedInUser);
    },
    signedOut() {
      userStorage.clear();
      user.value = null;
      loaded = Promise.resolve(null);
    },
  };
}

export const sessionKey: InjectionKey<Session> = Symbol('session');

export function useSession(): Session {
  const session = inject(sessionKey);
  if (!session) throw new Error('useSession() needs the session provided by main.ts');
  return session;
}
