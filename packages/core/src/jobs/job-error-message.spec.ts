import { describe, expect, it } from 'vitest';
import { formatJobError, MAX_JOB_ERROR_LENGTH } from './job-error-message.ts';
import { NonRetryableJobError } from './non-retryable-job-error.ts';

describe(formatJobError.name, () => {
  it('should prefix the message with the error code, or else its name', () => {
    expect(formatJobError(new NonRetryableJobError('bad payload'))).toBe('JOB_NON_RETRYABLE: bad payload');
    expect(formatJobError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(
      'ECONNREFUSED: refused',
    );
    expect(formatJobError(new TypeError('nope'))).toBe('TypeError: nope');
    expect(formatJobError('plain string')).toBe('Error: plain string');
  });

  it('should cut very long messages', () => {
    const text = formatJobError(new Error('x'.repeat(10_000)));
    expect(text).toHaveLength(MAX_JOB_ERROR_LENGTH);
    expect(text.endsWith('…')).toBe(true);
  });
});
