#!/bin/sh
# Identity's own database role, made once when PostgreSQL's data directory is first initialised
# (the postgres image runs /docker-entrypoint-initdb.d/*): it owns the identity database, so its
# migrations can create and change tables there, and can do nothing else: no superuser, no other
# databases, no roles. Used by compose and by the dev overlay; IDENTITY_DB_PASSWORD comes from
# their secrets.
set -eu
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres -v password="$IDENTITY_DB_PASSWORD" <<'SQL'
CREATE ROLE identity LOGIN PASSWORD :'password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 100;
CREATE DATABASE identity OWNER identity;
REVOKE ALL ON DATABASE identity FROM PUBLIC;
SQL
