export type { SqlCommentNode, SqlMetaCommandNode, SqlNestedStatementNode, SqlNode, SqlProgram, SqlStatementNode } from './ast';
export { sqlLanguage } from './language';
export type { SqlLanguageOptions } from './options';
export { isSqlSourceCode, SqlSourceCode } from './source-code';
