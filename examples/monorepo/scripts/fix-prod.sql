-- Run by hand against production during the March incident:
--   psql "$DATABASE_URL" -f scripts/fix-prod.sql
\set ON_ERROR_STOP on

UPDATE profiles SET username = lower(username) WHERE username <> lower(username);

ALTER TABLE profiles ADD COLUMN username_lower text;
