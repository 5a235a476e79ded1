import { buttonClasses } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'

/** A machine-readable copy of the person's own data, downloaded by the browser straight from the route. */
export function MyDataCard() {
  return (
    <Card>
      <CardHeader
        title="Your data"
        description="Download a zip of everything kept about you: your profile, memberships, sessions, conversations with their messages, your feedback and your use of each organisation, as JSON."
      />
      <a href="/api/auth/account/export" download className={buttonClasses('secondary')}>
        Download my data
      </a>
    </Card>
  )
}
