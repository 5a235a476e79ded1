/**
 * The time that lockout, rate-limit and session-expiry decisions use. It is passed to
 * SQL as a parameter (never SQL now()), so tests can shift it and watch a lockout end.
 */
let override: (() => Date) | undefined

export function now(): Date {
  return override ? override() : new Date()
}

/** Tests freeze or shift time; `undefined` returns to the real clock. */
export function setClockForTests(clock: (() => Date) | undefined): void {
  override = clock
}
