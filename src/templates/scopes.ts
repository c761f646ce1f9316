import type { TSESLint } from '@typescript-eslint/utils';

type Scope = TSESLint.Scope.Scope;

/**
 * A scope for template expressions that no scope manager covers (Vue's
 * `<template>`). The static engine only walks `set` and `upper` (through
 * `findVariable`), so this is all it needs. Names bound by `v-for` or a slot
 * get a variable with no definition: the engine reads them as unknown
 * instead of finding a script constant of the same name further up.
 */
export function shadowingScope(names: Iterable<string>, upper: Scope | null): Scope {
  const set = new Map<string, unknown>();
  for (const name of names) set.set(name, { name, defs: [], references: [], identifiers: [], scope: null });
  return { type: 'block', set, upper, childScopes: [], variables: [...set.values()], references: [], through: [] } as unknown as Scope;
}

/** A scope in which no name resolves: template expressions whose names the script does not bind (Options API). */
export function staticScope(): Scope {
  return shadowingScope([], null);
}
