#!/usr/bin/env bash
# Creates the Secrets the manifests name (never stored in the repository), for the dev overlay:
# random passwords for its in-namespace stores, the services' connection settings built from
# them, and identity's token signing key. A Secret that already exists is left alone, so rerunning
# never changes a password a store was initialised with.
#   deploy/k8s/create-secrets.sh [NAMESPACE]        (default tripmate-dev)
# For prod, create the same names with your stores' addresses: README.md, "Secrets".
set -euo pipefail

NS=${1:-tripmate-dev}

exists() { kubectl -n "$NS" get secret "$1" >/dev/null 2>&1; }

# create NAME ARGS...: kubectl create secret generic NAME ARGS, unless NAME exists.
create() {
  local name=$1
  shift
  if exists "$name"; then
    echo "secret/$name exists: kept"
  else
    kubectl -n "$NS" create secret generic "$name" "$@"
  fi
}

# Letters and digits only: the passwords are also written into URLs and connection strings.
password() { openssl rand -hex 24; }

# A store's password is read back when its Secret exists, so the services' Secrets match it.
read_key() { kubectl -n "$NS" get secret "$1" -o "jsonpath={.data.$2}" | base64 -d; }

kubectl get namespace "$NS" >/dev/null 2>&1 || kubectl create namespace "$NS"

exists postgres-credentials || create postgres-credentials --from-literal=password="$(password)" --from-literal=identity-password="$(password)"
exists rabbitmq-credentials || create rabbitmq-credentials --from-literal=username=tripmate --from-literal=password="$(password)"
exists neo4j-credentials || create neo4j-credentials --from-literal=auth="neo4j/$(password)"
exists minio-credentials || create minio-credentials --from-literal=root-user=tripmate --from-literal=root-password="$(password)"

identity_db_password=$(read_key postgres-credentials identity-password)
rabbit_url="amqp://$(read_key rabbitmq-credentials username):$(read_key rabbitmq-credentials password)@rabbitmq:5672/"
neo4j_auth=$(read_key neo4j-credentials auth)

if ! exists identity-signing-key; then
  key_dir=$(mktemp -d)
  trap 'rm -rf "$key_dir"' EXIT
  openssl ecparam -name prime256v1 -genkey -noout -out "$key_dir/identity-signing.pem"
  create identity-signing-key --from-file=identity-signing.pem="$key_dir/identity-signing.pem"
fi

create identity-env \
  --from-literal=ConnectionStrings__Identity="Host=postgres;Database=identity;Username=identity;Password=$identity_db_password" \
  --from-literal=ConnectionStrings__RabbitMq="$rabbit_url"
create messaging-env --from-literal=ConnectionStrings__RabbitMq="$rabbit_url"
create social-graph-env \
  --from-literal=ConnectionStrings__RabbitMq="$rabbit_url" \
  --from-literal=Neo4j__Password="${neo4j_auth#neo4j/}"
create files-env \
  --from-literal=ConnectionStrings__RabbitMq="$rabbit_url" \
  --from-literal=S3__AccessKey="$(read_key minio-credentials root-user)" \
  --from-literal=S3__SecretKey="$(read_key minio-credentials root-password)"
create gateway-env \
  --from-literal=ConnectionStrings__RabbitMq="$rabbit_url" \
  --from-literal=ConnectionStrings__Redis=redis:6379
