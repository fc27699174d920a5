# Identity: users, sign-in, groups (PostgreSQL).
# Build from the repository root (the context needs shared/ and the Directory.*.props files):
#   docker build -f deploy/docker/identity.Dockerfile -t tripmate/identity:dev .
# Versions are pinned: the SDK matches global.json's feature band, the runtime the SDK's.

FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
WORKDIR /src

# Restore layer: only the files restore reads (every project in the service's reference closure
# and the central package versions), so source edits reuse the cached packages.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/Contracts/Tripmate.Contracts.csproj shared/Contracts/
COPY shared/Cql/Tripmate.Cql.csproj shared/Cql/
COPY shared/Neo4j/Tripmate.Neo4j.csproj shared/Neo4j/
COPY shared/ServiceDefaults/Tripmate.ServiceDefaults.csproj shared/ServiceDefaults/
COPY shared/Topology/Tripmate.Topology.csproj shared/Topology/
COPY shared/Outbox/Tripmate.Outbox.csproj shared/Outbox/
COPY shared/Outbox.EntityFrameworkCore/Tripmate.Outbox.EntityFrameworkCore.csproj shared/Outbox.EntityFrameworkCore/
COPY services/identity/Identity/Tripmate.Identity.csproj services/identity/Identity/
COPY deploy/docker/HealthProbe/Tripmate.HealthProbe.csproj deploy/docker/HealthProbe/
RUN dotnet restore services/identity/Identity/Tripmate.Identity.csproj \
 && dotnet restore deploy/docker/HealthProbe/Tripmate.HealthProbe.csproj

# Framework-dependent and without an apphost: the runtime image brings the shared framework.
COPY shared/ shared/
COPY services/identity/Identity/ services/identity/Identity/
COPY deploy/docker/HealthProbe/ deploy/docker/HealthProbe/
RUN dotnet publish services/identity/Identity/Tripmate.Identity.csproj --no-restore -c Release -p:UseAppHost=false -o /out/service \
 && dotnet publish deploy/docker/HealthProbe/Tripmate.HealthProbe.csproj --no-restore -c Release -p:UseAppHost=false -o /out/probe

# Chiseled: no shell, no package manager, non-root user "app" (uid 1654) by default.
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled
WORKDIR /app
COPY --from=build /out/ ./
# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 1654
# Every setting comes from the environment (ConnectionStrings__*, Section__Key); nothing is baked in.
# Workstation GC: one small heap fits the memory limits of many small replicas better than
# a heap per core.
# One JSON object per log line (UTC timestamps), for the container runtime's log collector.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Logging__Console__FormatterName=json \
    Logging__Console__FormatterOptions__UseUtcTimestamp=true \
    Logging__Console__FormatterOptions__TimestampFormat=O \
    DOTNET_gcServer=0
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["dotnet", "/app/probe/Tripmate.HealthProbe.dll", "http://127.0.0.1:8080/health/live"]
ENTRYPOINT ["dotnet", "/app/service/Tripmate.Identity.dll"]
