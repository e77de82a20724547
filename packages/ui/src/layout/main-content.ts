/** The id of the page's `<main>`: the skip link's target, and where focus goes after a navigation. */
export const mainContentId = 'main-content';

export function focusMainContent(): void {
  document.getElementById(mainContentId)?.focus();
}
