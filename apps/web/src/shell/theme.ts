/** The user's theme choice; `system` follows the operating system. */
export type ThemeChoice = 'light' | 'dark' | 'system';

const storageKey = 'youworker.theme';

/** The stored theme choice (default: system). */
export function storedTheme(): ThemeChoice {
  const value = window.localStorage.getItem(storageKey);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Applies and stores a theme choice (`data-theme` on <html>; CSS handles `system`). */
export function applyTheme(choice: ThemeChoice): void {
  window.localStorage.setItem(storageKey, choice);
  if (choice === 'system') {
    delete document.documentElement.dataset.theme;
  } else {
    document.documentElement.dataset.theme = choice;
  }
}
