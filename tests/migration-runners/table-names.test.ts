import { describe, expect, it } from 'vitest';
import { normalizeTableName } from '../../src/migration-runners/table-names';
import { HOLE_CHAR } from '../../src/sql/lexer';

describe('normalizeTableName', () => {
  it.each([
    ['users', 'users'],
    ['Users', 'users'],
    ['public.users', 'users'],
    ['"Users"', 'Users'],
    ['public."Users"', 'Users'],
    ['"my.schema"."a""b"', 'a"b'],
    ['  users  ', 'users'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeTableName(input)).toBe(expected);
  });

  it('is null for empty or partly unknown names', () => {
    expect(normalizeTableName('')).toBeNull();
    expect(normalizeTableName(`public.${HOLE_CHAR}`)).toBeNull();
    expect(normalizeTableName('public.')).toBeNull();
  });
});
