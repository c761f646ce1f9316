/**
 * Generated `.sql` inputs for the SQL benchmark and the robustness tests:
 * a pg_dump-like file of a given size, and a migration corpus laid out as
 * Prisma, Supabase, drizzle and ad-hoc scripts folders, with planted unsafe
 * statements. Seeded, so every run lints the same text.
 */
import { createRandom } from '../prng.mjs';

const TABLES = ['users', 'orders', 'invoices', 'events', 'sessions', 'accounts', 'payments', 'audit_log', 'documents', 'teams'];
const COLUMNS = ['email', 'created_at', 'status', 'owner_id', 'amount', 'kind', 'slug', 'team_id', 'updated_at', 'external_id'];

/** A pg_dump-style plain script of at least `bytes` characters: DDL, functions, COPY data, constraints, indexes. */
export function generatePgDump(bytes, seed = 1) {
  const random = createRandom(seed);
  const parts = [
    '--\n-- PostgreSQL database dump\n--\n\n',
    "SET statement_timeout = 0;\nSET lock_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nSELECT pg_catalog.set_config('search_path', '', false);\n\n",
  ];
  let size = parts.join('').length;
  let n = 0;
  while (size < bytes) {
    n++;
    const table = `${random.pick(TABLES)}_${n}`;
    const block = [
      `--\n-- Name: ${table}; Type: TABLE; Schema: public; Owner: app\n--\n\n`,
      `CREATE TABLE public.${table} (\n    id bigint NOT NULL,\n    email text,\n    status character varying(32) DEFAULT 'new'::character varying NOT NULL,\n    payload jsonb,\n    created_at timestamp with time zone DEFAULT now() NOT NULL\n);\n\n`,
      `ALTER TABLE public.${table} OWNER TO app;\n\n`,
      `CREATE FUNCTION public.touch_${table}() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $$\nBEGIN\n  NEW.created_at := now(); -- keep; it's fine\n  RETURN NEW;\nEND;\n$$;\n\n`,
      `COPY public.${table} (id, email, status, payload, created_at) FROM stdin;\n`,
    ];
    const rows = random.int(20, 60);
    for (let row = 0; row < rows; row++) {
      block.push(`${row + 1}\tuser${row}@example.com\tactive\t{"note": "it's; \\"quoted\\" $$ -- not a comment"}\t2026-01-0${(row % 9) + 1} 10:00:00+00\n`);
    }
    block.push('\\.\n\n');
    block.push(`ALTER TABLE ONLY public.${table}\n    ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id);\n\n`);
    block.push(`CREATE INDEX ${table}_${random.pick(COLUMNS)}_idx ON public.${table} USING btree (email);\n\n`);
    const text = block.join('');
    parts.push(text);
    size += text.length;
  }
  parts.push('--\n-- PostgreSQL database dump complete\n--\n\n');
  return parts.join('');
}

/**
 * Migration files: `{ path, text }[]` with `statements` statements in all, spread
 * over Prisma, Supabase and drizzle folders and a few ad-hoc scripts.
 */
export function generateMigrationCorpus(statements, seed = 1) {
  const random = createRandom(seed);
  const files = [];
  let written = 0;
  let file = 0;
  while (written < statements) {
    file++;
    const stamp = String(20260101000000 + file);
    const layout = random.weighted([
      [4, 'prisma'],
      [3, 'supabase'],
      [2, 'drizzle'],
      [1, 'scripts'],
    ]);
    const count = random.int(2, 12);
    const lines = [];
    for (let i = 0; i < count; i++) lines.push(statement(random, layout, file, i));
    written += count;
    const text = layout === 'drizzle' ? lines.join('\n--> statement-breakpoint\n') : lines.join('\n\n');
    const path =
      layout === 'prisma'
        ? `prisma/migrations/${stamp}_change_${file}/migration.sql`
        : layout === 'supabase'
          ? `supabase/migrations/${stamp}_change_${file}.sql`
          : layout === 'drizzle'
            ? `drizzle/${String(file).padStart(4, '0')}_change.sql`
            : `scripts/fix_${file}.sql`;
    files.push({ path, text: `-- generated migration ${file}\n${text}\n` });
  }
  return files;
}

function statement(random, layout, file, index) {
  const table = random.pick(TABLES);
  const column = `${random.pick(COLUMNS)}_${file}_${index}`;
  return random.weighted([
    [5, () => `ALTER TABLE "${table}" ADD COLUMN "${column}" TEXT;`],
    [3, () => `CREATE TABLE "${table}_${file}_${index}" (\n    "id" TEXT NOT NULL,\n    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    CONSTRAINT "${table}_${file}_${index}_pkey" PRIMARY KEY ("id")\n);`],
    [2, () => `CREATE INDEX "${table}_${column}_idx" ON "${table}"("${column}");`],
    [1, () => `CREATE INDEX CONCURRENTLY IF NOT EXISTS "${table}_${column}_c_idx" ON "${table}"("${column}");`],
    [1, () => `DROP INDEX IF EXISTS "${table}_${column}_old_idx";`],
    [2, () => `UPDATE "${table}" SET "${column}" = 'x' WHERE "id" = '${file}';`],
    [1, () => `DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'kind_${file}') THEN\n    CREATE TYPE "kind_${file}" AS ENUM ('a', 'b');\n  END IF;\nEND $$;`],
    [1, () => `COMMENT ON COLUMN "${table}"."${column}" IS 'it''s; documented';`],
    [layout === 'scripts' ? 2 : 0, () => `VACUUM ANALYZE "${table}";`],
  ])();
}
