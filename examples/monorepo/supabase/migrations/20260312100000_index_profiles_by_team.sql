create index profiles_team_id_idx on public.profiles (team_id);
