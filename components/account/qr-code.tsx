'use client'

import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

/** `text` as a QR code (SVG drawn in the browser: the seed never goes to another service). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<{ text: string; url: string } | null>(null)

  useEffect(() => {
    let current = true
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (markup) => current && setSvg({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}` }),
      () => current && setSvg(null),
    )
    return () => {
      current = false
    }
  }, [text])

  if (svg?.text !== text) return <div aria-hidden className="size-44 animate-pulse rounded-lg bg-stone-100" />
  // A data URL the app made itself; next/image adds nothing for it.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={svg.url} alt={label} width={176} height={176} className="size-44 rounded-lg border border-stone-200 bg-white" />
}
