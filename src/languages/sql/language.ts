import path from 'node:path';
import { NODE_PG_MIGRATE_SECTION, runnerFromPath, type SqlRunner } from '../../migration-runners/sql-runners';
import type { SqlProgram } from './ast';
import { SQL_VISITOR_KEYS } from './ast';
import { LineIndex } from './lines';
import { validateSqlLanguageOptions, type SqlLanguageOptions } from './options';
import { parseSql } from './parse';
import { SqlSourceCode } from './source-code';

/** The file ESLint hands a language (ESLint 9.7+ `languages` API). */
export interface LanguageFile {
  readonly path: string;
  readonly physicalPath?: string;
  readonly body: string | Uint8Array;
  readonly bom?: boolean;
}

export interface LanguageContext {
  readonly languageOptions?: SqlLanguageOptions;
}

/** The parse result handed back to `createSourceCode`, with the line index computed once. */
export interface SqlParseResult {
  readonly ok: true;
  readonly ast: SqlProgram;
  readonly lineIndex: LineIndex;
  readonly text: string;
}

/**
 * `guardrails/sql`: PostgreSQL migration files (`.sql`) for ESLint 9.7+ and 10.
 * Parsing never fails (see `parse.ts`); rules see a `Program` of `Statement`
 * nodes with the SQL engine's facts.
 */
export const sqlLanguage = {
  fileType: 'text' as const,
  lineStart: 1 as const,
  columnStart: 0 as const,
  nodeTypeKey: 'type',
  visitorKeys: SQL_VISITOR_KEYS,
  defaultLanguageOptions: { runner: 'auto' } satisfies SqlLanguageOptions,

  validateLanguageOptions(languageOptions: unknown): void {
    validateSqlLanguageOptions(languageOptions);
  },

  parse(file: LanguageFile): SqlParseResult {
    const raw = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    // ESLint removes a BOM before this; a text passed another way may still hold one.
    const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    const lineIndex = new LineIndex(text);
    return { ok: true, ast: parseSql(text, lineIndex), lineIndex, text };
  },

  createSourceCode(file: LanguageFile, parseResult: SqlParseResult, context?: LanguageContext): SqlSourceCode {
    const options = context?.languageOptions ?? {};
    const text = parseResult.text;
    return new SqlSourceCode({
      text,
      ast: parseResult.ast,
      lineIndex: parseResult.lineIndex,
      hasBOM: file.bom === true || (typeof file.body === 'string' && file.body.startsWith('\uFEFF')),
      file: {
        path: file.path,
        runner: resolveRunner(options.runner, file.path, text),
        runnerVersion: options.runnerVersion ?? null,
      },
    });
  },
};

/** The `runner` option, or the runner the file's path (or node-pg-migrate's section marker) names, else `psql`. */
export function resolveRunner(option: SqlLanguageOptions['runner'], filePath: string, text: string): SqlRunner {
  if (option !== undefined && option !== 'auto') return option;
  const relative = path.isAbsolute(filePath) ? path.relative(process.cwd(), filePath) : filePath;
  return runnerFromPath(relative) ?? (NODE_PG_MIGRATE_SECTION.test(text) ? 'node-pg-migrate' : 'psql');
}
