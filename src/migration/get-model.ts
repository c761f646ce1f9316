import { jsMigrationModel } from './js-host';
import type { MigrationModel } from './model';
import { sqlMigrationModel } from './sql-host';

interface ContextLike {
  readonly sourceCode: object;
}

/** The migration model of the file being linted, from whichever host it is (built once per file by the host). */
export function getMigrationModel(context: ContextLike): MigrationModel {
  return sqlMigrationModel(context) ?? jsMigrationModel(context);
}
