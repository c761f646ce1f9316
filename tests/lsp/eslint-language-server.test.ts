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
    const languageId = relative.endsWith('.tsx') ? 'typescriptreact' : relative.endsWith('.ts') ? 'typescript' : 'javascript';
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
    expect(diagnostics.map((d) => d.code)).toEqual(['guardrails/no-adhoc-ddl', 'guardrails/no-adhoc-ddl']);
    expect(diagnostics[0]?.message).toContain('ALTER TABLE users');
    expect(diagnostics[0]?.range.start.line).toBe(14);
  });

  it('offers the SafeLink quick-fix on a raw external anchor, and the fixed file is clean', async () => {
    const file = 'apps/web/src/pages/index.tsx';
    const text = session.open(file);
    const diagnostics = ours(await session.diagnostics(file));
    const anchor = diagnostics.find((d) => d.code === 'guardrails/no-raw-external-anchor');
    expect(anchor).toBeDefined();
    if (!anchor) return;

    const actions = await session.codeActions(file, { ...anchor, source: 'eslint' });
    const suggestion = actions.find((action) => action.command?.command === 'eslint.applySuggestion');
    expect(suggestion?.title).toMatch(/SafeLink/);
    if (!suggestion) return;

    const fixed = applyTextEdits(text, await session.execute(suggestion, file));
    expect(fixed).toContain("import { SafeLink } from '@/components/SafeLink';");
    expect(fixed.match(/import \{ SafeLink \}/g)).toHaveLength(1);
    expect(fixed).toContain('<SafeLink href={DOCS_URL}>');
    expect(fixed).not.toContain('target="_blank"');

    session.change(file, fixed);
    const after = ours(await session.diagnostics(file));
    expect(after.filter((d) => d.range.start.line === anchor.range.start.line)).toEqual([]);
  });
});
