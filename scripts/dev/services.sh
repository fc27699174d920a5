# shellcheck shell=bash
# The .NET services `./dev up` starts, one block per service.
#
# To add a service: a `service` line (name, project dir, Release dll, port, env function) and
# an env function that prints its NAME=value lines, starting with `common_env`. Env functions
# run after the profile is loaded, so $PG_PORT, $AMQP_PORT, $KEYS_DIR etc. are set, and get the
# port of the instance being started as $1 (instances of one service share everything else).
# Ports: topology.env (IDENTITY_PORT, ...), each overridable from the environment.

# Every service runs in Development with the local topology's profile "up": it reads topology.env
# itself (shared/ServiceDefaults/Development/LocalTopologySettings.cs) for its URL, the servers, the
# other services and the trace view, exactly as when started from an IDE (launchSettings.json).
# What is printed here is only what differs from that: the instance's own port and the switches.
common_env() {
  local port=$2
  echo "ASPNETCORE_URLS=http://$LOCAL_HOST:$port"
  echo "ASPNETCORE_ENVIRONMENT=Development"
  echo "LocalTopology__Profile=up"
}

# --- identity: users, sign-in, groups (PostgreSQL; the database is created if missing) ------
service identity services/identity/Identity \
  services/identity/Identity/bin/Release/net10.0/Tripmate.Identity.dll "$IDENTITY_PORT" identity_env
identity_env() { common_env identity "$1"; }

# --- messaging: conversations, messages, notifications (Cassandra, or embedded SQLite) -----
service messaging services/messaging/Messaging \
  services/messaging/Messaging/bin/Release/net10.0/Tripmate.Messaging.dll "$MESSAGING_PORT" messaging_env
messaging_env() {
  common_env messaging "$1"
  # No Cassandra here: the embedded store (appsettings.Development.json) keeps its file under the
  # profile's data directory, unless CASSANDRA_CONTACT_POINTS names a cluster to use instead.
  if [[ -n ${CASSANDRA_CONTACT_POINTS:-} ]]; then
    echo "Messaging__Store=Cassandra"
    echo "Cassandra__ContactPoints=$CASSANDRA_CONTACT_POINTS"
  fi
}

# --- files: uploads, downloads, sharing (S3: s3rver here) ---------------------------------
service files services/files/Files \
  services/files/Files/bin/Release/net10.0/Tripmate.Files.dll "$FILES_PORT" files_env
files_env() { common_env files "$1"; }

# --- social-graph: follows, friends, suggestions, paths, blocks (Neo4j, or embedded SQLite) --
service social-graph services/social-graph/SocialGraph \
  services/social-graph/SocialGraph/bin/Release/net10.0/Tripmate.SocialGraph.dll "$SOCIAL_GRAPH_PORT" social_graph_env
social_graph_env() {
  common_env social-graph "$1"
  # No Neo4j here: the embedded store, unless NEO4J_URI names a server to use instead.
  if [[ -n ${NEO4J_URI:-} ]]; then
    echo "SocialGraph__Store=Neo4j"
    echo "Neo4j__Uri=$NEO4J_URI"
  fi
}

# --- gateway: the one URL clients use (last, so the services it routes to are up) ----------
service gateway gateway/Gateway gateway/Gateway/bin/Release/net10.0/Tripmate.Gateway.dll "$GATEWAY_PORT" gateway_env
gateway_env() {
  common_env gateway "$1"
  load_limits_env   # raised rate limits for seeding and load runs only (seed.sh)
  # The topology names each service's first instance; the instances `--scale` added (or an earlier
  # `up --scale` left running) are destinations too.
  local name n
  for name in "${SERVICE_NAMES[@]}"; do
    [[ $name != gateway && -d $ROOT/${SERVICE_DIR[$name]} ]] || continue
    for n in $(routed_instances "$name"); do
      ((n > 1)) || continue
      echo "ReverseProxy__Clusters__${name}__Destinations__$(instance_id "$name" "$n")__Address=$(service_url "$name" "$n")"
    done
  done
}
