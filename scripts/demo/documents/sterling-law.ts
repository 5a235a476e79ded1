import type { DemoDocument } from './types'

// Sterling & Associates: a small commercial and estates practice. General information, not legal advice.
export const sterlingLawDocuments: DemoDocument[] = [
  {
    title: 'Client Intake and the First Consultation',
    category: 'process',
    tags: ['intake', 'consultation', 'conflicts'],
    elemental_tags: ['earth', 'air'],
    content: `# Client Intake and the First Consultation

Every new matter at Sterling & Associates begins with a conflict check. Before we discuss the substance of your situation, we ask for the full names of every person and company involved, including the other side. Our records team compares them against current and former clients. The check usually takes one business day; we cannot give advice until it is complete, because a conflict would prevent us from acting for you.

The first consultation lasts up to sixty minutes and is charged at a fixed fee of 250 dollars, which is credited against your first invoice if you instruct us. Please bring every document you have: contracts, letters, emails, invoices, and a short timeline of events written in your own words. Clients who prepare a timeline usually save an hour of billable time later.

At the end of the consultation the attorney will tell you, in plain terms, whether we can help, what the likely steps are, and a realistic range of cost. If you decide to proceed, we send an engagement letter that sets out the scope of the work, the team, the billing arrangement and how either side can end the engagement. Work starts when the signed letter and any retainer have been received.

Nothing said in a consultation creates an attorney-client relationship until the engagement letter is signed, but everything you tell us is kept confidential from the first conversation.`,
  },
  {
    title: 'Fee Structure and Billing Practices',
    category: 'billing',
    tags: ['fees', 'retainer', 'invoices'],
    elemental_tags: ['earth'],
    content: `# Fee Structure and Billing Practices

We offer three fee arrangements. Hourly billing applies to litigation and open-ended advisory work: partners bill at 420 dollars per hour, senior associates at 310 and paralegals at 145, recorded in six-minute increments. Fixed fees apply to well-defined work such as company formation (1,800 dollars), a standard commercial lease review (1,200 dollars) and a simple will package (950 dollars). Monthly retainers suit businesses that need regular advice; they include a set number of hours and roll unused hours over for one month.

New hourly matters require an advance retainer, usually 5,000 dollars, held in our client trust account. Invoices are drawn from the trust account only after you have received them and had ten days to query any entry. When the balance falls below 1,000 dollars we ask you to top it up.

Invoices are sent on the first business day of each month and itemise every entry with the date, the person who did the work, a description and the time spent. Disbursements such as court filing fees, courier costs and expert reports are passed on at cost without a mark-up. If an entry looks wrong, tell your attorney: billing questions never count as billable time.

We will always tell you in writing before the estimate for your matter is exceeded by more than ten percent.`,
  },
  {
    title: 'Choosing a Business Entity',
    category: 'corporate',
    tags: ['formation', 'llc', 'corporation', 'partnership'],
    elemental_tags: ['earth', 'air'],
    content: `# Choosing a Business Entity

The entity you choose affects your personal liability, how the business is taxed, how easily you can bring in investors and how much paperwork you carry each year. The three structures most of our clients consider are the limited liability company, the corporation and the general partnership.

A limited liability company (LLC) protects the owners' personal assets from the debts of the business and is taxed as a pass-through by default: profits appear on the owners' personal returns. It is flexible, needs few formalities, and suits most service businesses and family ventures. Its operating agreement is the most important document: it should say how decisions are made, how profits are split and what happens when an owner leaves or dies.

A corporation is the usual choice when you plan to raise venture capital or issue stock options, because investors understand its share structure. It requires a board, annual meetings, minutes and separate tax filings unless it elects S-corporation status. A general partnership is the default when two or more people simply start trading together; it offers no liability protection at all, which is why we rarely recommend staying in one.

Liability protection is only as good as your habits: keep separate bank accounts, sign contracts in the entity's name and never pay personal expenses from business funds.`,
  },
  {
    title: 'Commercial Lease Review Checklist',
    category: 'real estate',
    tags: ['lease', 'commercial property', 'checklist'],
    elemental_tags: ['earth'],
    content: `# Commercial Lease Review Checklist

A commercial lease is usually drafted by the landlord's lawyer and favours the landlord. Before you sign, we review at least the following points with you.

Term and renewal: how long the lease runs, whether you have an option to renew, the notice period for exercising it and how the rent is set for the renewal term. Rent and escalation: the base rent, the annual increase (fixed percentage or index-linked), and any rent-free period while you fit out the premises.

Operating costs: in a net lease you pay a share of taxes, insurance and maintenance on top of rent. Ask for the landlord's estimate for the last two years and for a cap on controllable costs. Use and exclusivity: the permitted use clause should be broad enough for your business to grow, and a retail tenant should ask for exclusivity so the landlord cannot lease the next unit to a direct competitor.

Repairs and alterations: who repairs the roof, structure and building systems, and whether you need consent for alterations and must remove them at the end. Assignment and subletting: you want the right to assign the lease if you sell the business, with the landlord's consent not unreasonably withheld. Personal guarantee: many landlords ask owners of a new company to guarantee the lease personally; negotiate a cap or a burn-off after two years of on-time payments.`,
  },
  {
    title: 'Estate Planning Basics: Wills and Trusts',
    category: 'estates',
    tags: ['will', 'trust', 'power of attorney', 'probate'],
    elemental_tags: ['earth', 'water'],
    content: `# Estate Planning Basics: Wills and Trusts

An estate plan answers three questions: who receives your property when you die, who manages your affairs if you cannot, and who cares for your minor children. A basic plan has four documents: a will, a durable power of attorney for finances, a health care directive, and, for many families, a revocable living trust.

A will names your executor, leaves your property to the people you choose and nominates guardians for minor children. It takes effect only at death and passes through probate, the court-supervised process of paying debts and distributing assets. Probate is public and can take nine to eighteen months.

A revocable living trust holds assets during your lifetime and passes them to your beneficiaries without probate. You stay in control as trustee and can change it at any time. A trust only works for assets actually transferred into it, so we help you retitle real estate and accounts as part of the engagement. Retirement accounts and life insurance pass by beneficiary designation instead; keep those forms current, because they override your will.

Review your plan after any marriage, divorce, birth, death in the family, move to another state or significant change in wealth, and in any case every five years.`,
  },
]
