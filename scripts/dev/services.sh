# shellcheck shell=bash
# The .NET services `./dev up` starts, one block per service.
#
# To add a service: a `service` line (name, project dir, Release dll, port, env function) and
# an env function that prints its NAME=value lines, starting with `common_env`. Env functions
# run after the profile is loaded, so $PG_PORT, $AMQP_PORT, $KEYS_DIR etc. are set, and get the
# port of the instance being started as $1 (instances of one service share everything else).
# Ports: documented defaults, each overridable from the environment.

: "${GATEWAY_PORT:=5000}" "${IDENTITY_PORT:=5101}" "${MESSAGING_PORT:=5102}"
: "${SOCIAL_GRAPH_PORT:=5103}" "${FILES_PORT:=5104}"

# Settings every service shares: its URL, the bus, where tokens come from, telemetry.
# (The rest of the caller's environment, e.g. other OTEL_* variables, is inherited as is.)
common_env() {
  local name=$1 port=$2
  echo "ASPNETCORE_URLS=http://127.0.0.1:$port"
  echo "ASPNETCORE_ENVIRONMENT=Development"
  echo "ConnectionStrings__RabbitMq=amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
  # Tokens and the discovery document name the public URL (the gateway), never identity's own.
  echo "Auth__Issuer=http://127.0.0.1:$GATEWAY_PORT"
  echo "Auth__PublicUrl=http://127.0.0.1:$GATEWAY_PORT"
  echo "Auth__Authority=http://127.0.0.1:$IDENTITY_PORT"
  echo "OTEL_SERVICE_NAME=$name"
  if [[ -n ${OTEL_EXPORTER_OTLP_ENDPOINT:-} ]]; then
    echo "OTEL_EXPORTER_OTLP_ENDPOINT=$OTEL_EXPORTER_OTLP_ENDPOINT"
  fi
}

# Connection strings to the local servers, for env functions.
pg_connection() { printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=postgres;Password=%s' "$PG_PORT" "$1" "$PG_PASSWORD"; }
redis_connection() { printf '127.0.0.1:%s' "$REDIS_PORT"; }
s3_url() { printf 'http://127.0.0.1:%s' "$S3_PORT"; }

# --- identity: users, sign-in, groups (PostgreSQL) ---------------------------------------
service identity services/identity/Identity \
  services/identity/Identity/bin/Release/net10.0/Tripmate.Identity.dll "$IDENTITY_PORT" identity_env
identity_env() {
  common_env identity "$1"
  # identity creates its database if missing, so the server is all it needs from dev. Its pool
  # stays well under the server's 100 connections (Npgsql's default maximum is all of them): a
  # burst of load once filled it, and then every new request forked a backend and psql got none.
  echo "ConnectionStrings__Identity=$(pg_connection identity);Maximum Pool Size=30"
  # The signing key is generated on first start and kept, so tokens survive restarts.
  echo "Identity__SigningKeyPath=$KEYS_DIR/identity-signing.pem"
  echo "Identity__CreateSigningKeyIfMissing=true"
  # Published beside the current key once ./dev rotate-signing-key has run.
  echo "Identity__PreviousSigningKeyPath=$KEYS_DIR/identity-signing.previous.pem"
}

# --- messaging: conversations, messages, notifications (Cassandra, or embedded SQLite) -----
service messaging services/messaging/Messaging \
  services/messaging/Messaging/bin/Release/net10.0/Tripmate.Messaging.dll "$MESSAGING_PORT" messaging_env
messaging_env() {
  common_env messaging "$1"
  # No Cassandra here: the embedded store keeps its file under the profile's data directory,
  # unless CASSANDRA_CONTACT_POINTS names a cluster to use instead.
  if [[ -n ${CASSANDRA_CONTACT_POINTS:-} ]]; then
    echo "Messaging__Store=Cassandra"
    echo "Cassandra__ContactPoints=$CASSANDRA_CONTACT_POINTS"
  else
    echo "Messaging__Store=Embedded"
    echo "Messaging__DataDirectory=$DATA_DIR/messaging"
  fi
  # Attachments are checked with files (its first instance: any answers the same).
  echo "Files__Url=http://127.0.0.1:$FILES_PORT"
}

# --- files: uploads, downloads, sharing (S3: s3rver here) ---------------------------------
service files services/files/Files \
  services/files/Files/bin/Release/net10.0/Tripmate.Files.dll "$FILES_PORT" files_env
files_env() {
  common_env files "$1"
  echo "S3__ServiceUrl=$(s3_url)"
  echo "S3__Bucket=$S3_BUCKET"
  echo "S3__AccessKey=S3RVER"
  echo "S3__SecretKey=S3RVER"
}

# --- social-graph: follows, friends, suggestions, paths, blocks (Neo4j, or embedded SQLite) --
service social-graph services/social-graph/SocialGraph \
  services/social-graph/SocialGraph/bin/Release/net10.0/Tripmate.SocialGraph.dll "$SOCIAL_GRAPH_PORT" social_graph_env
social_graph_env() {
  common_env social-graph "$1"
  # No Neo4j here: the embedded store keeps its file under the profile's data directory, unless
  # NEO4J_URI names a server to use instead.
  if [[ -n ${NEO4J_URI:-} ]]; then
    echo "SocialGraph__Store=Neo4j"
    echo "Neo4j__Uri=$NEO4J_URI"
  else
    echo "SocialGraph__Store=Embedded"
    echo "SocialGraph__DataDirectory=$DATA_DIR/social-graph"
  fi
}

# --- gateway: the one URL clients use (last, so the services it routes to are up) ----------
service gateway gateway/Gateway gateway/Gateway/bin/Release/net10.0/Tripmate.Gateway.dll "$GATEWAY_PORT" gateway_env
gateway_env() {
  common_env gateway "$1"
  echo "ConnectionStrings__Redis=$(redis_connection)"
  load_limits_env   # raised rate limits for seeding and load runs only (seed.sh)
  # Identity's keys through the gateway's own /.well-known route (this overrides common_env's
  # line): whichever identity instance is healthy answers.
  echo "Auth__Authority=http://127.0.0.1:$1"
  # Every instance of every service that exists is a destination of its cluster; services
  # whose project does not exist yet have none, so their routes answer 503.
  local name n
  for name in "${SERVICE_NAMES[@]}"; do
    [[ $name != gateway && -d $ROOT/${SERVICE_DIR[$name]} ]] || continue
    for n in $(routed_instances "$name"); do
      echo "ReverseProxy__Clusters__${name}__Destinations__$(instance_id "$name" "$n")__Address=$(service_url "$name" "$n")"
    done
  done
}
