/** "about 3 days", "about 2 hours", "about 5 minutes", "a few seconds": a wait in words. */
export function describeWait(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 45) return s <= 1 ? 'a moment' : 'a few seconds'
  const minutes = Math.round(s / 60)
  if (minutes < 60) return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`
  const hours = Math.round(s / 3600)
  if (hours < 36) return hours === 1 ? 'about an hour' : `about ${hours} hours`
  const days = Math.round(s / 86_400)
  return `about ${days} days`
}

/** The sentence shown under a 429: when the person can try again. */
export function retryAfterSentence(seconds: number | null): string {
  if (seconds === null) return 'Please try again later.'
  return `You can try again in ${describeWait(seconds)}.`
}
