'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

/*
 * The widget frame's side of the postMessage link with widget.js on the embedding page:
 * it speaks only to its parent window at the one origin it was opened for, and takes
 * messages only from that window at that origin. It says it is ready, receives the
 * widget token, and asks for a fresh one when the server finds it expired.
 */

export const WIDGET_MESSAGE_PREFIX = 'oracle-widget:'

type Incoming = { type: string; token?: unknown; message?: unknown }

export type WidgetLink = {
  token: string | null
  /** Why there is no token (a wrong user hash, say), as the server said it. */
  refusal: string | null
  renew: () => Promise<string>
  close: () => void
}

export function useWidgetLink(parentOrigin: string): WidgetLink {
  const [token, setToken] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const waiting = useRef<{ resolve: (token: string) => void; reject: (reason: Error) => void }[]>([])

  useEffect(() => {
    function onMessage(event: MessageEvent<Incoming>) {
      if (event.source !== window.parent || event.origin !== parentOrigin) return
      const data = event.data
      if (data?.type === `${WIDGET_MESSAGE_PREFIX}token` && typeof data.token === 'string') {
        const fresh = data.token
        setToken(fresh)
        for (const { resolve } of waiting.current.splice(0)) resolve(fresh)
      } else if (data?.type === `${WIDGET_MESSAGE_PREFIX}refused` && typeof data.message === 'string') {
        const reason = data.message
        setRefusal(reason)
        for (const { reject } of waiting.current.splice(0)) reject(new Error(reason))
      }
    }
    window.addEventListener('message', onMessage)
    window.parent.postMessage({ type: `${WIDGET_MESSAGE_PREFIX}ready` }, parentOrigin)
    return () => window.removeEventListener('message', onMessage)
  }, [parentOrigin])

  const renew = useCallback(
    () =>
      new Promise<string>((resolve, reject) => {
        waiting.current.push({ resolve, reject })
        window.parent.postMessage({ type: `${WIDGET_MESSAGE_PREFIX}renew` }, parentOrigin)
      }),
    [parentOrigin],
  )
  const close = useCallback(() => window.parent.postMessage({ type: `${WIDGET_MESSAGE_PREFIX}close` }, parentOrigin), [parentOrigin])
  return { token, refusal, renew, close }
}
