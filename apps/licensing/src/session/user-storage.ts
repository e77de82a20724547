/**
 * What the browser keeps for the signed-in person between page loads (a license draft), under
 * their id so that the next person at the same browser never sees it, and all of it forgotten on
 * sign-out. A session that merely expires keeps it: signing in again finds the work where it was.
 */
const PREFIX = 'aim.user.';

const keyOf = (userId: string, name: string) => `${PREFIX}${userId}.${name}`;

export const userStorage = {
  read(userId: string, name: string): unknown {
    const text = localStorage.getItem(keyOf(userId, name));
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  },
  write(userId: string, name: string, value: unknown): void {
    try {
      localStorage.setItem(keyOf(userId, name), JSON.stringify(value));
    } catch {
      // Storage full or refused (private browsing): the draft lives as long as the page does.
    }
  },
  remove(userId: string, name: string): void {
    localStorage.removeItem(keyOf(userId, name));
  },
  /** Everything kept for anyone: called on sign-out. */
  clear(): void {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  },
};
