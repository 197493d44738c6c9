/** Blocks a client (by IP) after too many failed authentications in a window. */
export interface FailedAttemptLimiter {
  isBlocked(key: string): Promise<{ blocked: boolean; retryAfterSeconds: number }>;
  recordFailure(key: string): Promise<void>;
}
