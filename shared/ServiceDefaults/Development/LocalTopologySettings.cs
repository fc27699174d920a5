using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;
using Tripmate.Topology;

namespace Tripmate.ServiceDefaults.Development;

/// <summary>
/// A service started with <c>LocalTopology__Profile=up</c> (its launchSettings.json, so F5 and
/// <c>dotnet run --project</c>, and <c>./dev up</c>) takes from topology.env what it needs to run
/// among <c>./dev up</c>'s servers and services: its own URL, the broker, its store, identity's keys,
/// the gateway's destinations, the trace view. These settings rank above appsettings*.json and
/// below environment variables and the command line, so anything set there still wins. Tests never
/// set the profile: every address they use is one they chose.
/// </summary>
public static class LocalTopologySettings
{
    public const string ProfileKey = "LocalTopology:Profile";

    public static IHostApplicationBuilder AddLocalTopology(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration[ProfileKey] is not { Length: > 0 } profile)
        {
            return builder;
        }

        var topology = LocalTopology.Find(builder.Environment.ContentRootPath) ?? LocalTopology.Load(AppContext.BaseDirectory);
        var service = LocalTopology.ServiceName(builder.Environment.ApplicationName);
        var settings = For(topology, profile, service);
        // An instance's own address given by whoever started it (./dev up --scale, ASPNETCORE_URLS) stays.
        if (!string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            settings.Remove("urls");
        }

        var sources = builder.Configuration.Sources;
        var environment = sources.ToList().FindLastIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        sources.Insert(environment < 0 ? sources.Count : environment, new MemoryConfigurationSource { InitialData = settings });
        return builder;
    }

    /// <summary>The settings of <paramref name="service"/> (e.g. <c>social-graph</c>) in a profile of topology.env.</summary>
    public static Dictionary<string, string?> For(LocalTopology topology, string profile, string service)
    {
        var servers = topology.Servers(profile);
        var data = topology.DataDirectory(profile);
        var gateway = topology.ServiceUrl("gateway").ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = topology.ServiceUrl(service).ToString(),
            ["ConnectionStrings:RabbitMq"] = servers.RabbitMq,
            // Tokens and the discovery document name the public URL (the gateway), never identity's own.
            ["Auth:Issuer"] = gateway,
            ["Auth:PublicUrl"] = gateway,
            ["Auth:Authority"] = topology.ServiceUrl(service == "gateway" ? "gateway" : "identity").ToString().TrimEnd('/'),
            ["OTEL_SERVICE_NAME"] = service,
        };
        if (profile == "up")
        {
            // The trace view ./dev up starts (a service exports nothing while it is down, and loses nothing else).
            settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://{topology.Host}:{topology.Port("DEV_OTLP_PORT")}";
        }

        switch (service)
        {
            case "identity":
                // The pool stays well under the server's 100 connections (Npgsql's default maximum is all of
                // them): a burst of load once filled it, and then every new request forked a backend.
                settings["ConnectionStrings:Identity"] = $"{servers.Postgres};Database=identity;Maximum Pool Size=30";
                settings["Identity:SigningKeyPath"] = Path.Combine(data, "keys", "identity-signing.pem");
                // ./dev rotate-signing-key adds keys to this directory, which identity reads while it runs.
                settings["Identity:SigningKeysDirectory"] = Path.Combine(data, "keys", "signing");
                settings["Identity:CreateSigningKeyIfMissing"] = "true";
                break;
            case "messaging":
                settings["Messaging:DataDirectory"] = Path.Combine(data, "messaging");
                settings["Files:Url"] = topology.ServiceUrl("files").ToString();
                break;
            case "social-graph":
                settings["SocialGraph:DataDirectory"] = Path.Combine(data, "social-graph");
                break;
            case "files":
                settings["S3:ServiceUrl"] = servers.S3.ToString();
                settings["S3:Bucket"] = servers.S3Bucket;
                settings["S3:AccessKey"] = servers.S3AccessKey;
                settings["S3:SecretKey"] = servers.S3SecretKey;
                break;
            case "gateway":
                settings["ConnectionStrings:Redis"] = servers.Redis;
                foreach (var routed in new[] { "identity", "messaging", "social-graph", "files" })
                {
                    settings[$"ReverseProxy:Clusters:{routed}:Destinations:{routed}:Address"] = topology.ServiceUrl(routed).ToString();
                }

                break;
        }

        return settings;
    }
}
