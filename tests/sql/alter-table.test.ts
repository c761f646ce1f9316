import { describe, expect, it } from 'vitest';
import { alterTableFacts } from '../../src/sql/alter-table';
import { splitStatements } from '../../src/sql/analyze';
import { HOLE_CHAR, lexSql } from '../../src/sql/lexer';

function facts(text: string) {
  const [tokens] = splitStatements(lexSql(text));
  return tokens ? alterTableFacts(tokens, text) : null;
}

/** The text at a span. */
const at = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

describe('alterTableFacts: offsets for reports and insertions', () => {
  it('gives each action its span, its head and where NOT VALID goes', () => {
    const text = 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE, ADD CHECK (qty > 0)';
    const result = facts(text);
    expect(result?.actions.map((action) => at(text, action))).toEqual([
      'ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE',
      'ADD CHECK (qty > 0)',
    ]);
    expect(result?.actions.map((action) => text.slice(action.start, action.headEnd))).toEqual(['ADD CONSTRAINT fk FOREIGN KEY', 'ADD CHECK']);
    const [fk, check] = result?.actions ?? [];
    expect(fk?.constraint?.notValidAt).toBe(text.indexOf(', ADD CHECK'));
    expect(check?.constraint?.notValidAt).toBe(text.length);
    expect(check?.constraint?.expression?.text).toBe('qty > 0');
    expect(fk?.constraint?.references).toBe('users');
  });

  it('keeps the default expression with its tokens and text', () => {
    const text = 'alter table t add column c uuid default public.gen_random_uuid() not null';
    const [action] = facts(text)?.actions ?? [];
    expect(action?.definition?.default && at(text, action.definition.default)).toBe('public.gen_random_uuid()');
    expect(action?.definition?.default?.text).toBe('public.gen_random_uuid()');
    expect(action?.definition?.notNull).toBe(true);
    expect(text.slice(action?.start ?? 0, action?.headEnd)).toBe('add column c');
  });

  it('reads the new type of ALTER COLUMN TYPE with its modifiers and USING', () => {
    const text = 'ALTER TABLE t ALTER COLUMN price SET DATA TYPE numeric(12, 2) USING price::numeric';
    const [action] = facts(text)?.actions ?? [];
    expect(action?.type).toMatchObject({ name: 'numeric', args: [12, 2], array: false, text: 'numeric(12, 2)' });
    expect(action?.using?.text).toBe('price::numeric');
    expect(action?.column).toBe('price');
  });

  it('marks an unmarked generated column as virtual but not explicit (stored before PostgreSQL 18)', () => {
    const [action] = facts('ALTER TABLE t ADD COLUMN g int GENERATED ALWAYS AS (a + 1)')?.actions ?? [];
    expect(action?.definition).toMatchObject({ generated: 'virtual', generatedExplicit: false });
    expect(action?.definition?.generatedExpression?.text).toBe('a + 1');
  });

  it('keeps an unknown table name unknown', () => {
    const text = `ALTER TABLE ${HOLE_CHAR} ADD COLUMN c int`;
    expect(facts(text)).toMatchObject({ table: '${…}', tableKey: null });
  });

  it('is null for other statements', () => {
    expect(facts('ALTER INDEX i RENAME TO j')).toBeNull();
    expect(facts('ALTER TABLE')).toBeNull();
  });
});
