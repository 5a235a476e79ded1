'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { noContentSchema } from '@/lib/contracts/no-content'
import { confirmationMatches, confirmationPhrase, deleteFailure, type DeleteFailure } from './delete-confirmation'

type Props = {
  email: string
  /** Where to go once the account is gone: the home page of the site the person is on. */
  home: string
}

/** Deleting cannot be undone, so it asks twice: open the dialog, then type the email address. */
export function DeleteAccount({ email, home }: Props) {
  const phrase = confirmationPhrase(email)
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<DeleteFailure | null>(null)

  // Escape closes the native dialog whatever we do, so the state always follows it.
  function close() {
    setOpen(false)
    setTyped('')
    setFailure(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!confirmationMatches(typed, phrase)) return
    setBusy(true)
    setFailure(null)
    try {
      await apiFetch('/api/auth/account', noContentSchema, { method: 'DELETE' })
      // A full load, so no server component keeps showing the deleted user.
      window.location.assign(home)
    } catch (cause) {
      setFailure(deleteFailure(cause))
      setBusy(false)
    }
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700">
        This deletes your account, your conversations and your memberships for good, and signs you out everywhere. It cannot be undone.
      </p>
      <Button variant="danger" onClick={() => setOpen(true)} className="w-full sm:w-auto">
        Delete my account…
      </Button>
      <Dialog open={open} onClose={close} title="Delete your account?" size="narrow">
        <form onSubmit={submit} className="space-y-4" noValidate>
          {failure ? (
            <Alert tone="error" title={failure.title}>
              <p>{failure.message}</p>
              {failure.advice ? <p className="mt-2">{failure.advice}</p> : null}
            </Alert>
          ) : (
            <p className="text-sm text-stone-700">
              Your conversations and memberships will be removed and you will be signed out on every device.
            </p>
          )}
          <TextField
            label={`Type ${phrase} to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" busy={busy} disabled={!confirmationMatches(typed, phrase)}>
              Delete account for good
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  )
}
