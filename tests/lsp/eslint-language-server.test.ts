/**
 * Editor proof: the real ESLint language server (`vscode-eslint-language-server`
 * from vscode-langservers-extracted, the server VS Code, Neovim and Zed run)
 * lints the example monorepo with the packed plugin. Nothing editor-specific is
 * mocked: we speak LSP over stdio and answer `workspace/configuration` with the
 * settings object the VS Code extension sends.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, packPlugin, prepareConsumer } from '../integration/harness';
import type { Range, TextEdit } from './lsp-client';
import { LspClient, applyTextEdits } from './lsp-client';

const serverBin = path.join(
  path.dirname(createRequire(__filename).resolve('vscode-langservers-extracted/package.json')),
  'bin/vscode-eslint-language-server',
);

interface Diagnostic {
  range: Range;
  message: string;
  code?: string | number;
  source?: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
}
interface WorkspaceEdit {
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
  changes?: Record<string, TextEdit[]>;
}

/** The settings the VS Code ESLint extension sends for a workspace folder (server 4.10 needs every key). */
function vscodeSettings(folderUri: string, useFlatConfig: boolean) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: 'monorepo', uri: folderUri },
  };
}

/** A started server with one workspace folder, as an editor would open it. */
class EditorSession {
  readonly client: LspClient;
  readonly appliedEdits: WorkspaceEdit[] = [];
  private version = 1;

  constructor(
    readonly projectDir: string,
    useFlatConfig: boolean,
  ) {
    const folderUri = pathToFileURL(projectDir).href;
    this.client = new LspClient(process.execPath, [serverBin, '--stdio'], projectDir);
    this.client.onRequest('workspace/configuration', (params) =>
      (params as { items: unknown[] }).items.map(() => vscodeSettings(folderUri, useFlatConfig)),
    );
    this.client.onRequest('client/registerCapability', () => null);
    this.client.onRequest('window/workDoneProgress/create', () => null);
    this.client.onRequest('workspace/applyEdit', (params) => {
      this.appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
  }

  async start(): Promise<void> {
    const rootUri = pathToFileURL(this.projectDir).href;
    await this.client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'monorepo' }],
      capabilities: {
        workspace: { applyEdit: true, configuration: true, workspaceFolders: true, executeCommand: {} },
        textDocument: {
          synchronization: { didSave: true },
          diagnostic: { dynamicRegistration: false },
          publishDiagnostics: {},
          codeAction: {
            codeActionLiteralSupport: {
              codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] },
            },
          },
        },
      },
    });
    this.client.notify('initialized', {});
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.projectDir, relative)).href;
  }

  open(relative: string, text = fs.readFileSync(path.join(this.projectDir, relative), 'utf8')): string {
    const languageId = relative.endsWith('.tsx')
      ? 'typescriptreact'
      : relative.endsWith('.ts')
        ? 'typescript'
        : relative.endsWith('.sql')
          ? 'sql'
          : 'javascript';
    this.client.notify('textDocument/didOpen', { textDocument: { uri: this.uri(relative), languageId, version: this.version++, text } });
    return text;
  }

  change(relative: string, text: string): void {
    this.client.notify('textDocument/didChange', {
      textDocument: { uri: this.uri(relative), version: this.version++ },
      contentChanges: [{ text }],
    });
  }

  /** The server answers pull diagnostics only (it never pushes them). */
  async diagnostics(relative: string): Promise<Diagnostic[]> {
    const report = await this.client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: this.uri(relative) },
    });
    return report.items;
  }

  async codeActions(relative: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: this.uri(relative) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
  }

  /** Runs a code action's command; the server answers with `workspace/applyEdit`. Returns the edits for `relative`. */
  async execute(action: CodeAction, relative: string): Promise<TextEdit[]> {
    if (!action.command) throw new Error(`code action "${action.title}" has no command`);
    const before = this.appliedEdits.length;
    await this.client.request('workspace/executeCommand', {
      command: action.command.command,
      arguments: action.command.arguments,
    });
    const edit = this.appliedEdits[before];
    if (!edit) throw new Error('the server sent no workspace/applyEdit');
    const uri = this.uri(relative);
    return edit.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? edit.changes?.[uri] ?? [];
  }
}

const ours = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((diagnostic) => String(diagnostic.code).startsWith('guardrails/'))
    .map(({ code, message, range }) => ({ code, message, range }));

let tarball = '';
beforeAll(() => {
  tarball = packPlugin();
});

describe.each([
  { name: 'flat config (ESLint 10)', fixture: 'eslint10', useFlatConfig: true },
  { name: '.eslintrc with useFlatConfig: false (ESLint 9)', fixture: 'eslint9', useFlatConfig: false },
] as const)('ESLint language server, $name', ({ fixture, useFlatConfig }) => {
  let session: EditorSession;

  beforeAll(async () => {
    const consumer = prepareConsumer(fixture, tarball, 'lsp');
    const project = copyExample(consumer, `lsp-${fixture}`);
    session = new EditorSession(project, useFlatConfig);
    await session.start();
  });

  afterAll(async () => {
    await session.client.shutdown();
  });

  it('reports ad-hoc DDL in a script with our rule id, message and range', async () => {
    session.open('scripts/backfill-user-emails.ts');
    const diagnostics = ours(await session.diagnostics('scripts/backfill-user-emails.ts'));
    const where = 'Schema changes belong in a migration under `migrations/`.';
    expect(diagnostics).toEqual([
      {
        code: 'guardrails/no-adhoc-ddl',
        message: `\`ALTER TABLE users\` changes the schema outside a migration. ${where}`,
        range: { start: { line: 13, character: 24 }, end: { line: 13, character: 41 } },
      },
      {
        code: 'guardrails/no-adhoc-ddl',
        message: `\`CREATE INDEX users_verified_email_idx\` changes the schema outside a migration. ${where}`,
        range: { start: { line: 15, character: 7 }, end: { line: 15, character: 44 } },
      },
    ]);
  });

  it('offers the SafeLink quick-fix on a raw external anchor, and the fixed file is clean', async () => {
    const file = 'apps/web/src/pages/index.tsx';
    const text = session.open(file);
    const diagnostics = ours(await session.diagnostics(file));
    const jobs = {
      code: 'guardrails/no-raw-external-anchor',
      message:
        '`//jobs.acme-partner.example` leaves the site (browsers read it as `https://jobs.acme-partner.example/`). Use `<SafeLink>` for external links.',
    };
    expect(diagnostics).toEqual([
      {
        code: 'guardrails/no-raw-external-anchor',
        message:
          '`https://docs.acme-partner.example/getting-started` leaves the site (browsers read it as `https://docs.acme-partner.example/getting-started`). Use `<SafeLink>` for external links.',
        range: { start: { line: 13, character: 16 }, end: { line: 13, character: 26 } },
      },
      { ...jobs, range: { start: { line: 19, character: 31 }, end: { line: 19, character: 60 } } },
    ]);
    const anchor = diagnostics[0];
    if (!anchor) return;

    const actions = await session.codeActions(file, { ...anchor, source: 'eslint' });
    const suggestion = actions.find((action) => action.command?.command === 'eslint.applySuggestion');
    expect(suggestion?.title).toBe('Replace `<a>` with `<SafeLink>`. (guardrails/no-raw-external-anchor)');
    if (!suggestion) return;

    // Tags renamed, target/rel dropped, the import added once after the last import.
    const fixed = applyTextEdits(text, await session.execute(suggestion, file));
    const expected = text
      .replace("import Link from 'next/link';\n", "import Link from 'next/link';\nimport { SafeLink } from '@/components/SafeLink';\n")
      .replace('<a href={DOCS_URL} target="_blank" rel="noopener noreferrer">', '<SafeLink href={DOCS_URL}>')
      .replace('getting-started docs\n        </a>', 'getting-started docs\n        </SafeLink>');
    expect(expected).not.toBe(text);
    expect(fixed).toBe(expected);

    // The editor applies the edit and sends the new text: that finding is gone, the other one moved down a line.
    session.change(file, fixed);
    expect(ours(await session.diagnostics(file))).toEqual([
      { ...jobs, range: { start: { line: 20, character: 31 }, end: { line: 20, character: 60 } } },
    ]);
  });

  // `validate: 'on'` is what the VS Code extension sends for a language listed in `eslint.validate`.
  // Only the flat-config setup has the SQL language (eslintrc cannot lint other languages), so only it
  // registers this test: nothing is skipped.
  const flatConfigOnly = useFlatConfig ? it : () => undefined;
  flatConfigOnly('lints a .sql migration with the same message and offers the CONCURRENTLY quick-fix', async () => {
    const file = 'prisma/migrations/20260301120000_index_invoices_by_customer/migration.sql';
    const text = session.open(file);
    const diagnostics = ours(await session.diagnostics(file));
    expect(diagnostics).toEqual([
      {
        code: 'guardrails/require-concurrent-index',
        message:
          '`CREATE INDEX "Invoice_customerId_idx"` locks the table against writes until it finishes. Use `CREATE INDEX CONCURRENTLY` in a migration that runs outside a transaction.',
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 37 } },
      },
    ]);
    const [finding] = diagnostics;
    if (!finding) return;
    const actions = await session.codeActions(file, { ...finding, source: 'eslint' });
    const suggestion = actions.find((action) => action.command?.command === 'eslint.applySuggestion');
    expect(suggestion?.title).toBe('Insert `CONCURRENTLY`. (guardrails/require-concurrent-index)');
    if (!suggestion) return;
    const fixed = applyTextEdits(text, await session.execute(suggestion, file));
    expect(fixed).toBe(text.replace('CREATE INDEX "Invoice_customerId_idx"', 'CREATE INDEX CONCURRENTLY "Invoice_customerId_idx"'));
    session.change(file, fixed);
    expect(ours(await session.diagnostics(file))).toEqual([]);
  });

  it('re-lints a 1,000+ line file after didChange (latency printed, not asserted)', async () => {
    const file = 'apps/web/src/pages/large-generated.tsx';
    const text = largeComponentFile(120);
    expect(text.split('\n').length).toBeGreaterThan(1_000);
    session.open(file, text);
    // One external anchor per generated component, nothing else.
    expect(ours(await session.diagnostics(file))).toHaveLength(120);

    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      const edited = text.replace('<h2>Card 0</h2>', `<h2>Card 0 (edit ${round})</h2>`);
      const started = performance.now();
      session.change(file, edited);
      const diagnostics = ours(await session.diagnostics(file));
      samples.push(performance.now() - started);
      expect(diagnostics).toHaveLength(120);
    }
    samples.sort((a, b) => a - b);
    console.log(
      `[lsp-latency] ${useFlatConfig ? 'flat' : 'eslintrc'}: didChange -> diagnostics on ${text.split('\n').length} lines, ` +
        `median ${samples[2]?.toFixed(0)} ms (min ${samples[0]?.toFixed(0)}, max ${samples[4]?.toFixed(0)})`,
    );
  });

  it('re-lints a 1,000+ line migration after didChange (latency printed, not asserted)', async () => {
    const file = 'infra/migrations/versions/004_note_every_table.ts';
    const count = 150;
    const text = largeMigrationFile(count);
    expect(text.split('\n').length).toBeGreaterThan(1_000);
    session.open(file, text);
    const indexFinding = (index: number) => ({
      code: 'guardrails/require-concurrent-index',
      message: `\`CREATE INDEX t${index}_note_idx\` locks the table against writes until it finishes. Use \`CREATE INDEX CONCURRENTLY\` in a migration that runs outside a transaction.`,
    });
    const expected = Array.from({ length: count }, (_, index) => indexFinding(index));
    const found = (diagnostics: Diagnostic[]) => ours(diagnostics).map(({ code, message }) => ({ code, message }));
    // Exactly one finding per table: the plain CREATE INDEX. The nullable columns, the NOT VALID keys and the comments are safe.
    expect(found(await session.diagnostics(file))).toEqual(expected);

    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      const edited = text.replace('// Edited on every round of the latency test.', `// Edited on every round of the latency test (${round}).`);
      const started = performance.now();
      session.change(file, edited);
      const diagnostics = found(await session.diagnostics(file));
      samples.push(performance.now() - started);
      expect(diagnostics).toEqual(expected);
    }
    samples.sort((a, b) => a - b);
    console.log(
      `[lsp-latency] ${useFlatConfig ? 'flat' : 'eslintrc'}: didChange -> diagnostics on a ${text.split('\n').length}-line migration, ` +
        `median ${samples[2]?.toFixed(0)} ms (min ${samples[0]?.toFixed(0)}, max ${samples[4]?.toFixed(0)})`,
    );
  });
});

/**
 * A long knex migration (run in a transaction, knex's default) over `count`
 * existing tables: per table a nullable column, a plain `CREATE INDEX` (the one
 * finding: `require-concurrent-index`) and a `NOT VALID` foreign key, each in its
 * own `knex.raw`; then one multi-statement string of `count` comments, as
 * MikroORM and hand-written migrations carry them.
 */
function largeMigrationFile(count: number): string {
  const lines = ["import type { Knex } from 'knex';", '', '// Edited on every round of the latency test.', 'export async function up(knex: Knex): Promise<void> {'];
  for (let index = 0; index < count; index++) {
    lines.push(
      `  await knex.raw('ALTER TABLE t${index} ADD COLUMN note_${index} text');`,
      `  await knex.raw('CREATE INDEX t${index}_note_idx ON t${index} (note_${index})');`,
      `  await knex.raw(`,
      `    'ALTER TABLE t${index} ADD CONSTRAINT t${index}_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) NOT VALID',`,
      '  );',
    );
  }
  lines.push('  await knex.raw(`');
  for (let index = 0; index < count; index++) lines.push(`    COMMENT ON COLUMN t${index}.note_${index} IS 'Free text, ${index}';`);
  lines.push('  `);', '}', '', 'export async function down(knex: Knex): Promise<void> {');
  for (let index = 0; index < count; index++) lines.push(`  await knex.raw('ALTER TABLE t${index} DROP COLUMN IF EXISTS note_${index}');`);
  lines.push('}');
  return lines.join('\n');
}

/** A realistic page of `count` card components (9 lines each + header): internal links, one external anchor each. */
function largeComponentFile(count: number): string {
  const lines = ["import Link from 'next/link';", '', 'const BASE = "/catalog";', ''];
  for (let index = 0; index < count; index++) {
    lines.push(
      `export function Card${index}({ id }: { id: string }) {`,
      '  return (',
      '    <article>',
      `      <h2>Card ${index}</h2>`,
      `      <Link href={\`\${BASE}/\${id}\`}>Details</Link>`,
      `      <a href="/help#card-${index}">Help</a>`,
      `      <a href="https://vendor${index}.example/item">Vendor</a>`,
      '    </article>',
      '  );',
      '}',
    );
  }
  return lines.join('\n');
}
