import type { Runner } from '../migration-runners/runner';
import { jsMigrationModel } from './js-host';
import type { MigrationModel } from './model';
import { sqlMigrationModel } from './sql-host';

interface ContextLike {
  readonly sourceCode: object;
}

/**
 * The migration model of the file being linted, from whichever host it is (built once per file by the host).
 * `runner`: a rule's `runner` option for JS/TS migrations (`auto`, the default, detects it).
 */
export function getMigrationModel(context: ContextLike, runner: Runner | 'auto' = 'auto'): MigrationModel {
  return sqlMigrationModel(context) ?? jsMigrationModel(context, runner);
}
