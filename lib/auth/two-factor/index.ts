// Two-factor sign-in for local accounts: the account routes' services. Sign-in checks codes through verify.ts.
export { disableTwoFactor, enableTwoFactor, setupTwoFactor, twoFactorStatus } from './service'
