import { savedThemeChoice } from '@/lib/saved-theme'
import { ThemeToggleButton } from './theme-toggle-button'

/** The theme toggle, starting from the visitor's saved choice so server and browser agree. */
export async function ThemeToggle({ className }: { className?: string }) {
  return <ThemeToggleButton initial={await savedThemeChoice()} className={className} />
}
