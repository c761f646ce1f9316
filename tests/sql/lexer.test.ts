import { describe, expect, it } from 'vitest';
import { HOLE_CHAR, lexSql } from '../../src/sql/lexer';
import { splitStatements } from '../../src/sql/analyze';

const kinds = (text: string) => lexSql(text).map((token) => `${token.type}:${token.value}`);

describe('lexSql', () => {
  it('reads words upper-cased, numbers and punctuation', () => {
    expect(kinds('select a.b, 1.5 from t;')).toEqual([
      'word:SELECT',
      'word:A',
      'punct:.',
      'word:B',
      'punct:,',
      'number:1.5',
      'word:FROM',
      'word:T',
      'punct:;',
    ]);
  });

  it('drops line comments and nested block comments', () => {
    expect(kinds('-- DROP TABLE a\nx /* one /* two */ still */ y')).toEqual(['word:X', 'word:Y']);
  });

  it("reads '…' with doubled quotes and keeps backslashes", () => {
    const [token] = lexSql("'it''s \\ ok'");
    expect(token).toMatchObject({ type: 'string', value: "it's \\ ok", verbatim: false, contentStart: 1 });
  });

  it("reads E'…' with backslash escapes", () => {
    const tokens = lexSql("E'a\\'b\\nc' x");
    expect(tokens[0]).toMatchObject({ type: 'string', value: "a'b\nc", verbatim: false });
    expect(tokens[1]).toMatchObject({ type: 'word', value: 'X' });
  });

  it('reads dollar quotes with and without tags, and tells them from $1', () => {
    expect(lexSql('$$ a; b $$')[0]).toMatchObject({ type: 'string', value: ' a; b ', dollar: true, contentStart: 2 });
    expect(lexSql('$fn$ $$ inner $$ $fn$')[0]).toMatchObject({ type: 'string', value: ' $$ inner $$ ' });
    expect(kinds('$1 $22')).toEqual(['param:$1', 'param:$22']);
    expect(kinds('a$b')).toEqual(['word:A$B']);
  });

  it('reads quoted identifiers with doubled quotes', () => {
    expect(kinds('"dr""op" `cre``ate`')).toEqual(['quoted:dr"op', 'quoted:cre`ate']);
  });

  it('reads bind parameters but not casts', () => {
    expect(kinds('? :name x::int')).toEqual(['param:?', 'param::name', 'word:X', 'punct::', 'punct::', 'word:INT']);
  });

  it('turns the hole character into a hole token', () => {
    expect(kinds(`ALTER TABLE ${HOLE_CHAR}`)).toEqual(['word:ALTER', 'word:TABLE', `hole:${HOLE_CHAR}`]);
  });

  it('runs unterminated strings, identifiers and comments to the end', () => {
    expect(kinds("a 'b; c")).toEqual(['word:A', 'string:b; c']);
    expect(kinds('a "b')).toEqual(['word:A', 'quoted:b']);
    expect(kinds('a /* b')).toEqual(['word:A']);
    expect(kinds('a $x$ b')).toEqual(['word:A', 'string: b']);
  });
});

describe('splitStatements', () => {
  it('splits on top-level semicolons only', () => {
    const statements = splitStatements(lexSql("a; 'b;c'; -- d;\n e;;"));
    expect(statements.map((tokens) => tokens.map((token) => token.value))).toEqual([['A'], ['b;c'], ['E']]);
  });

  it('splits PL/pgSQL blocks at BEGIN/THEN/ELSE/LOOP', () => {
    const statements = splitStatements(lexSql('BEGIN IF x THEN a; ELSE b; END IF; END'), true);
    expect(statements.map((tokens) => tokens.map((token) => token.value).join(' '))).toEqual(['IF X', 'A', 'B', 'END IF', 'END']);
  });
});

describe('lexSql: non-ASCII', () => {
  it('reads letters as words and symbols as punctuation', () => {
    expect(kinds('café … x')).toEqual(['word:CAFÉ', 'punct:…', 'word:X']);
  });
});

describe('lexSql: word values', () => {
  // The lexer upper-cases a word only when one of its characters could change; this holds it to the plain definition.
  it('are the written word upper-cased, on random words of every case and script', () => {
    const alphabet = ['a', 'z', 'A', 'Z', '_', '$', '0', '9', 'é', 'ß', 'ǆ', 'ﬁ', 'ı', 'Ω', '日', ' ', ',', '.', '"'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    let words = 0;
    for (let round = 0; round < 2_000; round++) {
      const length = 1 + Math.floor(next() * 16);
      let text = '';
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)] ?? '';
      for (const token of lexSql(text)) {
        if (token.type !== 'word') continue;
        words++;
        expect(token.value).toBe(text.slice(token.start, token.end).toUpperCase());
      }
    }
    expect(words).toBeGreaterThan(1_000);
  });

  it('leave upper-case words, with digits, `_` and `$`, unchanged', () => {
    expect(kinds('CREATE INDEX T_1$ ON "x" (A_B)')).toEqual(['word:CREATE', 'word:INDEX', 'word:T_1$', 'word:ON', 'quoted:x', 'punct:(', 'word:A_B', 'punct:)']);
  });
});
