import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, findVariable, getStaticValue } from '../util/ast';
import { getStaticPropertyName, readConstObjectProperty, resolveConstant } from './resolve';
import { unwrapExpression } from './unwrap';

type Scope = TSESLint.Scope.Scope;

/** Where a run of characters inside a text part sits in the source file. */
export interface SourceSpan {
  /** Offset of the run inside the part's `value`. */
  readonly offset: number;
  /** Absolute source index of that character, or null when the run is not verbatim in the source. */
  readonly start: number | null;
}

export interface TextPart {
  readonly type: 'text';
  readonly value: string;
  /** Absolute source index of `value[0]` when it appears verbatim (no escapes in between), else null. */
  readonly start: number | null;
  /** Present when several pieces were merged: one span per original piece, in order. */
  readonly spans?: readonly SourceSpan[];
}

export interface HolePart {
  readonly type: 'hole';
  /** The expression whose value is not statically known. */
  readonly node: TSESTree.Node;
}

export type StringPart = TextPart | HolePart;
/** A string as far as it is known: text runs and holes, in order. */
export type StaticString = readonly StringPart[];

/** More alternatives than this and the expression is treated as unknown (one hole). */
const MAX_ALTERNATIVES = 8;
/** Nesting guard for pathological or cyclic code. */
const MAX_DEPTH = 24;

const hole = (node: TSESTree.Node): StaticString[] => [[{ type: 'hole', node }]];
const text = (value: string, start: number | null): StaticString[] => [[{ type: 'text', value, start }]];

function spansOf(part: TextPart): readonly SourceSpan[] {
  return part.spans ?? [{ offset: 0, start: part.start }];
}

function mergeText(a: TextPart, b: TextPart): TextPart {
  if (a.value === '') return b;
  if (b.value === '') return a;
  const contiguous = !a.spans && !b.spans && a.start !== null && b.start === a.start + a.value.length;
  if (contiguous) return { type: 'text', value: a.value + b.value, start: a.start };
  const spans = [...spansOf(a), ...spansOf(b).map((span) => ({ offset: span.offset + a.value.length, start: span.start }))];
  return { type: 'text', value: a.value + b.value, start: a.start, spans };
}

/** Joins two known-or-partial strings, merging the text runs that meet. */
function concatTwo(left: StaticString, right: StaticString): StaticString {
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  const last = left[left.length - 1];
  const first = right[0];
  if (last?.type === 'text' && first?.type === 'text') {
    return [...left.slice(0, -1), mergeText(last, first), ...right.slice(1)];
  }
  return [...left, ...right];
}

/** Cartesian concatenation of alternatives, or null when it would exceed the cap. */
function product(lefts: StaticString[], rights: StaticString[]): StaticString[] | null {
  if (lefts.length * rights.length > MAX_ALTERNATIVES) return null;
  const out: StaticString[] = [];
  for (const left of lefts) for (const right of rights) out.push(concatTwo(left, right));
  return out;
}

function union(node: TSESTree.Node, ...groups: StaticString[][]): StaticString[] {
  const all = groups.flat();
  return all.length > MAX_ALTERNATIVES ? hole(node) : all;
}

function fromStaticValue(node: TSESTree.Node, scope: Scope): StaticString[] {
  const result = getStaticValue(node, scope);
  if (!result) return hole(node);
  const { value } = result;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return text(String(value), null);
  }
  if (value === null || value === undefined) return text(String(value), null);
  return hole(node);
}

function evaluateTemplate(template: TSESTree.TemplateLiteral, scope: Scope, depth: number, raw: boolean): StaticString[] {
  let results: StaticString[] = [[]];
  template.quasis.forEach((quasi, index) => {
    // `cooked` is null at run time for an invalid escape in a tagged template, whatever the types say.
    const cooked: string | null = raw ? quasi.value.raw : quasi.value.cooked;
    // The element's range includes its delimiters (`, ${, }), so its text starts one character in.
    const piece: StaticString[] =
      cooked === null
        ? hole(quasi)
        : text(cooked, cooked === quasi.value.raw ? quasi.range[0] + 1 : null);
    results = product(results, piece) ?? hole(template);
    const expression = template.expressions[index];
    // Too many alternatives: this one expression becomes a hole, and the known text around it stays.
    if (expression) results = product(results, evaluate(expression, scope, depth + 1)) ?? product(results, hole(expression)) ?? hole(template);
  });
  return results;
}

function evaluateJoin(call: TSESTree.CallExpression, array: TSESTree.ArrayExpression, scope: Scope, depth: number): StaticString[] {
  const separatorNode = call.arguments[0];
  const separators = separatorNode ? evaluate(separatorNode, scope, depth + 1) : text(',', null);
  if (separators.length !== 1 || !separators[0]) return hole(call);
  const separator = separators[0];
  let results: StaticString[] = [[]];
  array.elements.forEach((element, index) => {
    if (index > 0) results = product(results, [separator]) ?? hole(call);
    if (element === null) return; // a hole in the array joins as ''
    const piece = element.type === AST_NODE_TYPES.SpreadElement ? hole(element) : evaluate(element, scope, depth + 1);
    results = product(results, piece) ?? hole(call);
  });
  return results;
}

function evaluateCall(call: TSESTree.CallExpression, scope: Scope, depth: number): StaticString[] {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && !call.optional) {
    const method = getStaticPropertyName(callee);
    if (method === 'join') {
      const array = resolveConstant(callee.object, scope);
      if (array.type === AST_NODE_TYPES.ArrayExpression) return evaluateJoin(call, array, scope, depth);
    } else if (method === 'concat' && call.arguments.every((arg) => arg.type !== AST_NODE_TYPES.SpreadElement)) {
      const receiver = resolveConstant(callee.object, scope);
      if (receiver.type === AST_NODE_TYPES.Literal && typeof receiver.value === 'string') {
        let results = evaluate(receiver, scope, depth + 1);
        for (const argument of call.arguments) {
          results = product(results, evaluate(argument, scope, depth + 1)) ?? hole(call);
        }
        return results;
      }
    }
  }
  // `String(x)` is x as a string.
  if (
    callee.type === AST_NODE_TYPES.Identifier &&
    callee.name === 'String' &&
    call.arguments.length === 1 &&
    call.arguments[0]?.type !== AST_NODE_TYPES.SpreadElement &&
    !findVariable(scope, 'String')?.defs.length
  ) {
    return evaluate(call.arguments[0] as TSESTree.Expression, scope, depth + 1);
  }
  return fromStaticValue(call, scope);
}

/**
 * Every way of joining one alternative of `lefts` to one of `rights`, or null
 * when there would be too many (the caller then treats the whole as unknown).
 * Template hosts use it to join attribute text with mustache values.
 */
export function concatAlternatives(lefts: StaticString[], rights: StaticString[]): StaticString[] | null {
  return product(lefts, rights);
}

/** Whether a template tag is `String.raw` (also `String["raw"]`), whose value keeps backslashes. */
export function isStringRawTag(tag: TSESTree.Node): boolean {
  const unwrapped = unwrapExpression(tag);
  return (
    unwrapped.type === AST_NODE_TYPES.MemberExpression &&
    unwrapped.object.type === AST_NODE_TYPES.Identifier &&
    unwrapped.object.name === 'String' &&
    getStaticPropertyName(unwrapped) === 'raw'
  );
}

function evaluate(input: TSESTree.Node, scope: Scope, depth: number): StaticString[] {
  if (depth > MAX_DEPTH) return hole(input);
  const node = unwrapExpression(input);
  switch (node.type) {
    case AST_NODE_TYPES.Literal: {
      if (typeof node.value === 'string') {
        // Verbatim when the source between the quotes is exactly the value (no escapes).
        const verbatim = node.raw.slice(1, -1) === node.value;
        return text(node.value, verbatim ? node.range[0] + 1 : null);
      }
      if ('regex' in node) return hole(node);
      return text(String(node.value), null);
    }
    case AST_NODE_TYPES.TemplateLiteral:
      return evaluateTemplate(node, scope, depth, false);
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return isStringRawTag(node.tag) ? evaluateTemplate(node.quasi, scope, depth, true) : hole(node);
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return fromStaticValue(node, scope);
      const left = evaluate(node.left, scope, depth + 1);
      const right = evaluate(node.right, scope, depth + 1);
      return product(left, right) ?? hole(node);
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return union(node, evaluate(node.consequent, scope, depth + 1), evaluate(node.alternate, scope, depth + 1));
    case AST_NODE_TYPES.LogicalExpression:
      // `a && b` only yields `a` when it is falsy ('', 0, false, null…), which is never a
      // destination or a statement, so only `b` matters. `??` and `||` may yield either side.
      if (node.operator === '&&') return evaluate(node.right, scope, depth + 1);
      return union(node, evaluate(node.left, scope, depth + 1), evaluate(node.right, scope, depth + 1));
    case AST_NODE_TYPES.Identifier: {
      if (node.name === 'undefined' && !findVariable(scope, node)?.defs.length) return text('undefined', null);
      const resolved = resolveConstant(node, scope);
      if (resolved !== node) return evaluate(resolved, scope, depth + 1);
      return hole(node);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = getStaticPropertyName(node);
      if (name !== null && !node.optional) {
        const value = readConstObjectProperty(node.object, name, scope);
        if (value) return evaluate(value, scope, depth + 1);
      }
      return fromStaticValue(node, scope);
    }
    case AST_NODE_TYPES.CallExpression:
      return evaluateCall(node, scope, depth);
    case AST_NODE_TYPES.ChainExpression:
      return evaluate(node.expression, scope, depth + 1);
    case AST_NODE_TYPES.SequenceExpression: {
      const last = node.expressions[node.expressions.length - 1];
      return last ? evaluate(last, scope, depth + 1) : hole(node);
    }
    case AST_NODE_TYPES.JSXExpressionContainer:
      return node.expression.type === AST_NODE_TYPES.JSXEmptyExpression ? hole(node) : evaluate(node.expression, scope, depth + 1);
    default:
      return hole(node);
  }
}

/**
 * Every string `node` may evaluate to, one StaticString per alternative
 * (`c ? a : b`, `a ?? b`, `a || b`), with unknown pieces as holes. Anything
 * that cannot be read at all is a single hole. Never throws.
 */
export function evaluateString(node: TSESTree.Node, scope: Scope): StaticString[] {
  try {
    return evaluate(node, scope, 0);
  } catch {
    // Static evaluation is best effort; a surprise in exotic syntax must never crash a lint run.
    return hole(node);
  }
}

/** The full text when the string has no hole, else null. */
export function staticStringText(value: StaticString): string | null {
  let out = '';
  for (const part of value) {
    if (part.type === 'hole') return null;
    out += part.value;
  }
  return out;
}

/** Absolute source index of `part.value[offset]`, or null when that character is not verbatim in the source. */
export function textPartSourceIndex(part: TextPart, offset: number): number | null {
  let found: SourceSpan | undefined;
  for (const span of spansOf(part)) {
    if (span.offset > offset) break;
    found = span;
  }
  if (found?.start == null) return null;
  return found.start + (offset - found.offset);
}
