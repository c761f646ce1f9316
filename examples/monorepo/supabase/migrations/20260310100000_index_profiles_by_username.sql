-- Look profiles up by username.
begin;

create index concurrently if not exists profiles_username_idx
  on public.profiles (username);

commit;
