export { type AddressPolicy, createAddressPolicy } from './address-policy.ts';
export { isPublicAddress } from './ip-ranges.ts';
export { type Resolver, systemResolver } from './resolve-target.ts';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_USER_AGENT,
  type SafeFetchOptions,
  type SafeResponse,
  safeFetch,
} from './safe-fetch.ts';
export { SafeFetchError, type SafeFetchErrorCode } from './safe-fetch-error.ts';
