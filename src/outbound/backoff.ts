// Retry policy for transient failures (5xx, network): capped exponential backoff
// with a fixed number of attempts, never an SDK's unlimited default.

export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseMs: 1000, maxMs: 60_000 };

/** Delay before attempt number `attempt + 1`, after `attempt` failures (1-based). */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}
