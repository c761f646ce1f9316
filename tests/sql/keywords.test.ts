import { describe, expect, it } from 'vitest';
import { DDL_KINDS, OBJECT_KINDS } from '../../src/sql/keywords';

describe('statement kinds the `allow` option accepts', () => {
  it('are unique', () => {
    expect(new Set(DDL_KINDS).size).toBe(DDL_KINDS.length);
  });

  it('name object kinds as the classifier reports them, aliases collapsed', () => {
    expect(OBJECT_KINDS).toEqual(expect.arrayContaining(['TABLE', 'MATERIALIZED VIEW', 'TEXT SEARCH', 'FOREIGN DATA WRAPPER']));
    expect(OBJECT_KINDS).not.toContain('CONSTRAINT TRIGGER'); // reported as TRIGGER
    expect(OBJECT_KINDS).not.toContain('TEXT SEARCH *');
    expect(OBJECT_KINDS).not.toContain('DEFAULT PRIVILEGES'); // only `ALTER DEFAULT PRIVILEGES`
    expect(DDL_KINDS).toContain('ALTER DEFAULT PRIVILEGES');
    expect(DDL_KINDS).not.toContain('CREATE DEFAULT PRIVILEGES');
  });
});
