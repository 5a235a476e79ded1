/*
 * Secrets at rest: AES-256-GCM under a key from the environment (SECRETS_KEY; in
 * embedded mode a generated one), with rotation (SECRETS_OLD_KEYS open what earlier keys
 * sealed; `npm run secrets:rotate` re-seals under the current key).
 */
export { decryptSecret, encryptSecret, sealingKeyId, SecretDecryptionError } from './cipher'
export { generatedKeyFile, keyRing, keyRingFrom, type KeyRing } from './key-ring'
export { reencryptStoredSecrets, STORED_SECRETS, twoFactorSecretContext, type Reencrypted } from './stored-secrets'
export { identitySecretContext } from './identity-context'
