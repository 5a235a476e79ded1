import { cookies } from 'next/headers'
import { parseThemeChoice, THEME_COOKIE, type ThemeChoice } from './theme-preference'

/** The visitor's saved theme choice, read from the request's cookie (server only). */
export async function savedThemeChoice(): Promise<ThemeChoice> {
  return parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value)
}
