import { cookies } from 'next/headers'
import { parseThemeChoice, THEME_COOKIE } from '@/lib/theme-preference'
import { ThemeToggleButton } from './theme-toggle-button'

/** The theme toggle, starting from the visitor's saved choice so server and browser agree. */
export async function ThemeToggle({ className }: { className?: string }) {
  const choice = parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value)
  return <ThemeToggleButton initial={choice} className={className} />
}
