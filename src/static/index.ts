export { outermostWrapper, unwrapExpression } from './unwrap';
export { calleeName, getConstantInit, getStaticPropertyName, readConstObjectProperty, resolveConstant, writtenStringText } from './resolve';
export { concatAlternatives, evaluateString, isStringRawTag, staticStringText, textPartSourceIndex } from './string-parts';
export type { HolePart, SourceSpan, StaticString, StringPart, TextPart } from './string-parts';
export { getImportOrigin, getVariableImportOrigin, moduleExportName, requiredModule } from './imports';
export type { ImportOrigin } from './imports';
