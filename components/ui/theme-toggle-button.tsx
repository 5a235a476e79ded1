'use client'

import { useState } from 'react'
import { nextThemeChoice, THEME_COOKIE, themeAttribute, type ThemeChoice } from '@/lib/theme-preference'

const LABELS: Record<ThemeChoice, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' }

const ICONS: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' }

/** Cycles system -> light -> dark; the choice is kept for a year in a first-party cookie. */
export function ThemeToggleButton({ initial, className = '' }: { initial: ThemeChoice; className?: string }) {
  const [choice, setChoice] = useState(initial)
  const next = nextThemeChoice(choice)
  return (
    <button
      type="button"
      aria-label={`${LABELS[choice]}: switch to ${LABELS[next].toLowerCase()}`}
      title={`${LABELS[choice]} (switch to ${LABELS[next].toLowerCase()})`}
      onClick={() => {
        const attribute = themeAttribute(next)
        if (attribute) document.documentElement.dataset.theme = attribute
        else delete document.documentElement.dataset.theme
        document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`
        setChoice(next)
      }}
      className={`inline-flex size-8 items-center justify-center rounded-md text-base text-stone-700 hover:bg-stone-200/70 hover:text-stone-900 ${className}`}
    >
      <span aria-hidden>{ICONS[choice]}</span>
    </button>
  )
}
