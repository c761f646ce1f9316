/**
 * The version a migration's name claims, and the scheme it is written in.
 *
 * Runners order migrations by name (knex, Kysely, umzug, MikroORM, Prisma,
 * Supabase) or by the number the name starts with (node-pg-migrate, TypeORM),
 * so a folder is only safe when every name uses one scheme: a 3-digit
 * sequence beside a 14-digit timestamp, or `9_x` beside `10_y`, sorts
 * differently as text than as numbers, and two names with one version make
 * the order between them an accident.
 */

export interface MigrationVersion {
  /** The version as written (`023`, `20240115093000`, `2024-01-15`, `1.2`). */
  readonly text: string;
  /** Shape of the version, equal for names of one scheme (`seq:3`, `digits:14`, `MikroORM:14`, `Flyway`). */
  readonly scheme: string;
  /** How a message names the scheme. */
  readonly schemeLabel: string;
  /**
   * Whether two migrations may not share it. A bare date (`20240115`,
   * `2024-01-15`) names a day, not a migration: two migrations of one day are
   * normal, and runners order them by the rest of the name.
   */
  readonly unique: boolean;
}

// Digit groups joined by `-`, `_`, `.` or a `T` (umzug's `2020.11.24T16.52.04`), each group made only of
// digits: `2024_01_15_create` → `2024_01_15`, `001_2fa` → `001` (a group followed by letters is part of the name).
const LEADING_VERSION = /^\d+(?:(?:[-_.]|T(?=\d))\d+(?=[-_.]|T\d|$))*/;
const MIKRO_ORM = /^Migration(\d+)/;
const FLYWAY = /^[VU](\d+(?:[._]\d+)*)__/;

function describeDigits(length: number): string {
  switch (length) {
    case 8:
      return 'an 8-digit date (YYYYMMDD)';
    case 10:
      return 'a 10-digit Unix time in seconds';
    case 12:
      return 'a 12-digit timestamp (YYYYMMDDHHMM)';
    case 13:
      return 'a 13-digit Unix time in milliseconds';
    case 14:
      return 'a 14-digit timestamp (YYYYMMDDHHMMSS)';
    case 17:
      return 'a 17-digit UTC timestamp with milliseconds';
    default:
      return length === 1 ? 'a 1-digit number' : `a ${length}-digit number`;
  }
}

/**
 * Whether a migration name has a version (`parseVersion` would not return
 * null), without building it: asked for every linted migration, which only
 * needs the answer.
 */
export function hasVersion(stem: string): boolean {
  return LEADING_VERSION.test(stem) || MIKRO_ORM.test(stem) || FLYWAY.test(stem);
}

/** The version of a migration name (file name without extension, or folder name), or null when it has none. */
export function parseVersion(stem: string): MigrationVersion | null {
  const flyway = FLYWAY.exec(stem);
  if (flyway) {
    // Flyway compares versions as numbers part by part (1.10 > 1.9): widths do not matter.
    return { text: (flyway[1] as string).replace(/_/g, '.'), scheme: 'Flyway', schemeLabel: 'a Flyway `V<version>__` prefix', unique: true };
  }
  const mikro = MIKRO_ORM.exec(stem);
  if (mikro) {
    const digits = mikro[1] as string;
    return { text: digits, scheme: `MikroORM:${digits.length}`, schemeLabel: `\`Migration\` and ${describeDigits(digits.length)}`, unique: true };
  }
  const match = LEADING_VERSION.exec(stem);
  if (!match) return null;
  const text = match[0];
  const groups = text.split(/[-_.T]/);
  if (groups.length === 1) return { text, scheme: `digits:${text.length}`, schemeLabel: describeDigits(text.length), unique: text.length !== 8 };
  const shape = text.replace(/\d+/g, (digits) => String(digits.length));
  return { text, scheme: `groups:${shape}`, schemeLabel: `the pattern \`${text.replace(/\d/g, '9')}\``, unique: shape !== '4-2-2' && shape !== '4_2_2' };
}
