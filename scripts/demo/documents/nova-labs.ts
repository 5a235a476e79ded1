import type { DemoDocument } from './types'

// Nova Labs: a developer-tools startup with a forecasting API. Fictional product documentation.
export const novaLabsDocuments: DemoDocument[] = [
  {
    title: 'Nova Platform Overview',
    category: 'product',
    tags: ['overview', 'forecasting', 'api', 'dashboard'],
    elemental_tags: ['air', 'fire'],
    content: `# Nova Platform Overview

Nova turns time-series data into forecasts you can ship. You send us historical measurements such as daily orders, hourly server load or weekly sign-ups, and Nova returns a forecast with confidence intervals, detected seasonality and a list of anomalies, in a single API call.

The platform has three parts. The Forecast API is a REST and JSON interface that trains and serves models per series. Nova Studio is the web dashboard where you explore series, compare model runs and share charts with your team. Nova Streams ingests data continuously from Postgres, BigQuery, Snowflake or a webhook, so forecasts refresh without a batch job.

Under the hood Nova picks between seasonal decomposition models, gradient-boosted trees and a compact transformer, based on the length and shape of your history. You never have to choose: every forecast response includes a model field that tells you what was used and why.

Nova is built for product and operations teams at companies from seed stage to a few thousand employees. Typical uses are inventory planning, capacity planning for infrastructure, staffing of support teams and early warning of metric drops.`,
  },
  {
    title: 'Getting Started: API Keys and Your First Forecast',
    category: 'developer docs',
    tags: ['quickstart', 'api keys', 'authentication'],
    elemental_tags: ['air'],
    content: `# Getting Started: API Keys and Your First Forecast

Create an API key in Nova Studio under Settings, API keys. Keys are shown once; store them in a secret manager, never in source control. Each key belongs to one workspace and can be scoped to read-only or read-write. Send it in the Authorization header as a bearer token.

To create your first forecast, POST to /v2/forecasts with a JSON body containing a series name, an array of points with timestamp and value, a horizon (how many periods ahead to predict) and optionally a frequency such as hour, day or week. If you leave frequency out, Nova infers it from the timestamps.

The response contains the forecast points, each with a lower and upper bound at the 80 and 95 percent levels, the chosen model and a quality score between 0 and 1 based on back-testing. A score under 0.5 usually means the history is too short or too irregular; we recommend at least two full seasonal cycles, so two years of data for yearly seasonality or eight weeks for weekly patterns.

Official client libraries exist for Python, TypeScript and Go. They handle retries with exponential back-off and pagination for you, and their versions follow the API version.`,
  },
  {
    title: 'Rate Limits and Quotas',
    category: 'developer docs',
    tags: ['rate limits', 'quotas', 'plans', '429'],
    elemental_tags: ['air', 'earth'],
    content: `# Rate Limits and Quotas

Nova applies two kinds of limits: rate limits protect the platform from bursts, quotas reflect what your plan includes each month.

Rate limits are counted per API key. The Launch plan allows 10 requests per second, Growth allows 50 and Scale allows 200, with short bursts of up to twice that rate. When you exceed the limit the API answers with status 429 and a Retry-After header giving the number of seconds to wait. The official clients respect it automatically.

Monthly quotas count forecasted series. Launch includes 1,000 series per month, Growth 25,000 and Scale is unlimited. A series counts once per month no matter how often you refresh it. You can see current usage in Nova Studio under Billing, and we email workspace owners at 80 and 100 percent of quota.

When a quota is reached, existing forecasts keep refreshing, but new series are refused until the next month or until you upgrade. Upgrades take effect immediately and are prorated. If you expect a one-off spike, such as a migration or a seasonal peak, contact support and we will raise the quota for that month at no charge.`,
  },
  {
    title: 'Security and Data Handling',
    category: 'security',
    tags: ['security', 'encryption', 'gdpr', 'soc 2', 'retention'],
    elemental_tags: ['earth', 'air'],
    content: `# Security and Data Handling

Your data is encrypted in transit with TLS 1.2 or later and at rest with AES-256. Each workspace's data is logically isolated and tagged with its workspace identifier at every layer, from the ingestion queue to the model store, and automated tests check that no query can cross that boundary.

Nova is hosted in two regions, Frankfurt and Oregon; you choose the region when you create the workspace and your data never leaves it. We hold a SOC 2 Type II report, available under NDA from the trust page, and we run an external penetration test every year.

We never use your data to train models for other customers. Models trained on your series belong to your workspace and are deleted with it. Raw data points are retained for as long as your plan's history window, 13 months on Launch and 36 months on Growth and Scale, and you can delete any series at any time through the API or Studio; deletion is complete within 30 days, including backups.

Single sign-on with SAML or OIDC and audit logs of every key and member change are included on the Scale plan. Report a vulnerability to security@nova-labs.example; we reply within one business day.`,
  },
  {
    title: 'Release Notes: Nova 2.4',
    category: 'changelog',
    tags: ['release notes', 'changelog', 'anomalies'],
    elemental_tags: ['fire', 'air'],
    content: `# Release Notes: Nova 2.4

Nova 2.4 is our biggest release this year, focused on anomalies and explanations.

Anomaly alerts: any series can now alert you when an observed value falls outside the 95 percent forecast band. Alerts go to email, Slack or a webhook, and you can require two consecutive anomalies before an alert fires to avoid noise on volatile metrics.

Forecast explanations: each forecast now carries a drivers field that breaks the prediction down into trend, weekly and yearly seasonality, holidays and external regressors, so you can show stakeholders why the number is what it is. Studio displays it as a stacked chart.

Holiday calendars for 42 countries are built in; pass a country code and Nova adds the public holidays as regressors automatically.

Breaking change: the v1 endpoints, deprecated since last year, are switched off on 31 March. Every v1 call already returns a Deprecation header; the migration guide maps each v1 field to its v2 equivalent, and the official clients switched to v2 in their 3.0 releases.

Fixes: forecasts for series with missing days no longer shift by one period, and CSV export now respects the workspace time zone.`,
  },
]
