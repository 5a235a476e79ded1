/**
 * The colour scheme a visitor chose with the toggle. The root layout reads it from the cookie
 * to render `data-theme` on <html> before any script runs (no flash, no inline script under
 * the nonce CSP); without the cookie the page follows the system preference.
 */
export const THEME_COOKIE = 'theme'

export const THEME_CHOICES = ['system', 'light', 'dark'] as const

export type ThemeChoice = (typeof THEME_CHOICES)[number]

export function parseThemeChoice(value: string | undefined): ThemeChoice {
  return THEME_CHOICES.find((choice) => choice === value) ?? 'system'
}

/** The `data-theme` attribute for a choice: none for `system`, so the media query decides. */
export function themeAttribute(choice: ThemeChoice): 'light' | 'dark' | undefined {
  return choice === 'system' ? undefined : choice
}

const NEXT_CHOICE: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return NEXT_CHOICE[choice]
}
