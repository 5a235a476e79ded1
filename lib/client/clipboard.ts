/**
 * Copies text for the reader. The Clipboard API needs a secure context (HTTPS or
 * localhost); a tenant served over plain HTTP on its own host falls back to the older
 * copy command on a hidden, selected text area.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      // Denied (a browser setting, an unfocused page): the fallback may still work.
    }
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  try {
    return document.execCommand('copy')
  } finally {
    area.remove()
  }
}
