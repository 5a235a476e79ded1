/*
 * A User-Agent header as people name their devices ("Firefox on Windows"). Order
 * matters: Edge and Opera also claim Chrome, Chrome also claims Safari, iOS claims
 * "like Mac OS X" and Android claims Linux.
 */

const browsers: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
]

const systems: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\b(Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
]

function firstMatch(value: string, table: [RegExp, string][]): string | null {
  return table.find(([pattern]) => pattern.test(value))?.[1] ?? null
}

/** Scripts and API clients ("curl/8.5.0") are named by their first product token. */
function productName(value: string): string | null {
  const token = /^([A-Za-z][\w.-]*)\//.exec(value)?.[1]
  return token && token !== 'Mozilla' ? token : null
}

export function describeUserAgent(userAgent: string | null): string {
  const value = (userAgent ?? '').trim()
  if (!value) return 'Unknown device'
  const browser = firstMatch(value, browsers) ?? productName(value)
  const system = firstMatch(value, systems)
  if (browser && system) return `${browser} on ${system}`
  return browser ?? (system ? `Browser on ${system}` : 'Unknown device')
}
