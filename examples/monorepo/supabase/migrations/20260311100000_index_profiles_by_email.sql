-- The fixed form: no explicit transaction, so the Supabase CLI (v2.109+)
-- runs the concurrent build on its own.
create index concurrently if not exists profiles_email_idx
  on public.profiles (email);
