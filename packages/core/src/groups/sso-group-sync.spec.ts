import { describe, expect, it } from 'vitest';
import { mappedSsoGroups } from './sso-group-sync.ts';

describe('mappedSsoGroups', () => {
  it('should map every header group without a prefix, once per case-insensitive name', () => {
    expect([...mappedSsoGroups(['Engineering', 'ops', 'ENGINEERING'], '').entries()]).toEqual([
      ['engineering', 'Engineering'],
      ['ops', 'ops'],
    ]);
  });

  it('should keep only the groups that start with the prefix (any case), with their full names', () => {
    expect([...mappedSsoGroups(['yw-Team', 'YW-ops', 'staff', 'ywx'], 'yw-').values()]).toEqual([
      'yw-Team',
      'YW-ops',
    ]);
  });

  it('should skip names longer than a group name may be', () => {
    expect(mappedSsoGroups(['x'.repeat(101), 'y'.repeat(100)], '').size).toBe(1);
  });
});
