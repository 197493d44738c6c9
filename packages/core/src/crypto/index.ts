export { DecryptionError, type DecryptionErrorCode } from './decryption-error.ts';
export { EncryptionKeyError, type EncryptionKeyErrorCode } from './encryption-key-error.ts';
export {
  EncryptionKeyring,
  encryptionKeyLength,
  generateEncryptionKey,
  isValidEncryptionKeyId,
  parseEncryptionKey,
  type EncryptionKey,
  type EncryptionKeyringOptions,
} from './encryption-keyring.ts';
export { EncryptionService, type AssociatedData } from './encryption.service.ts';
