'use client'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'

/** The recovery codes, shown once after two-factor sign-in is turned on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-4">
      <Alert tone="success" title="Two-factor sign-in is on">
        Save these recovery codes somewhere safe, away from your phone. Each one signs you in once if you lose your authenticator. They are
        not shown again.
      </Alert>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg bg-stone-100 p-4 font-mono text-sm sm:grid-cols-3">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button onClick={onDone}>I have saved them</Button>
    </div>
  )
}
