using System.Text.RegularExpressions;
using Tripmate.Deploy.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Tripmate.Deploy.Tests;

/// <summary>
/// Acceptance 1 (compose half): Debian's docker-compose accepts the file with the example
/// environment, and what it resolves holds what issue 14 asks of the stack.
/// </summary>
public sealed partial class ComposeTests
{
    private const string Folder = "deploy/compose";
    private static readonly string[] Stores = ["postgres", "cassandra", "neo4j", "redis", "rabbitmq", "minio"];
    private static readonly string[] Services = ["identity", "messaging", "social-graph", "files", "gateway"];
    // Runs once and exits: nothing to probe, and dependants wait for its successful exit instead.
    private static readonly string[] OneShots = ["minio-init"];

    private static readonly Lazy<(ToolResult Result, YamlMappingNode Config)> Resolved = new(() =>
    {
        var result = Tool.Run("docker-compose", ["--env-file", ".env.example", "-f", "docker-compose.yml", "config"], Repo.Path(Folder));
        return (result, result.Succeeded ? Yaml.Load(result.Output) : new YamlMappingNode());
    });

    private static YamlMappingNode Config
    {
        get
        {
            Assert.True(Resolved.Value.Result.Succeeded, Resolved.Value.Result.ToString());
            return Resolved.Value.Config;
        }
    }

    private static IEnumerable<(string Name, YamlNode Service)> AllServices => Config.Get("services").Entries();

    [Fact]
    public void Docker_compose_config_accepts_the_file_with_every_variable_set()
    {
        var result = Resolved.Value.Result;

        Assert.True(result.Succeeded, result.ToString());
        Assert.DoesNotContain("is not set", result.Errors);
        Assert.Equal(Stores.Concat(OneShots).Concat(Services).Order(), AllServices.Select(s => s.Name).Order());
    }

    [Fact]
    public void The_example_environment_names_every_variable_the_file_uses_and_no_other()
    {
        var used = VariablePattern().Matches(Repo.Read($"{Folder}/docker-compose.yml")).Select(m => m.Groups[1].Value).ToHashSet();
        var example = Repo.Read($"{Folder}/.env.example").Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('=')[0]).ToHashSet();

        Assert.Equal(used.Order(), example.Order());
        // Example values only: every password says it must be changed.
        Assert.All(Repo.Read($"{Folder}/.env.example").Split('\n').Where(l => Regex.IsMatch(l, "^[A-Z_]*PASSWORD=")),
            line => Assert.Contains("change-me", line));
    }

    [Fact]
    public void Every_container_has_a_healthcheck_and_waits_for_its_dependencies_to_be_healthy()
    {
        foreach (var (name, service) in AllServices)
        {
            var check = service.Get("healthcheck");
            if (OneShots.Contains(name))
            {
                // "disable: true", as docker-compose resolves it.
                Assert.Equal(["NONE"], check?.Get("test").Items() ?? []);
                Assert.Equal("no", service.Text("restart"));
            }
            else
            {
                Assert.True(check?.Get("test") is YamlSequenceNode { Children.Count: > 1 }, $"{name}: no healthcheck test");
            }

            foreach (var (dependency, condition) in service.Get("depends_on").Entries())
            {
                var expected = OneShots.Contains(dependency) ? "service_completed_successfully" : "service_healthy";
                Assert.True(condition.Text("condition") == expected, $"{name} depends on {dependency} with {condition.Text("condition")}, not {expected}");
            }
        }
    }

    [Fact]
    public void Only_the_gateway_publishes_a_port_and_nothing_prevents_scaling()
    {
        foreach (var (name, service) in AllServices)
        {
            Assert.True(name == "gateway" ? service.Get("ports") is not null : service.Get("ports") is null, $"{name}: ports");
            // A fixed container name or host port would make a second replica fail to start.
            Assert.Null(service.Get("container_name"));
            Assert.True(service.Text("mem_limit") is { Length: > 0 }, $"{name}: no memory limit");
        }
    }

    [Fact]
    public void Images_are_pinned_and_volumes_are_named()
    {
        var volumes = Config.Get("volumes").Entries().Select(v => v.Key).ToHashSet();
        foreach (var (name, service) in AllServices)
        {
            Assert.True(ImagePinning.IsPinned(service.Text("image")), $"{name}: image {service.Text("image")} is not pinned");
            foreach (var mount in service.Get("volumes").Items())
            {
                // Named volumes for data; files of this repository only read-only (init scripts).
                if (mount.StartsWith('/'))
                {
                    Assert.StartsWith(Repo.Path("deploy") + "/", mount);
                    Assert.EndsWith(":ro", mount);
                }
                else
                {
                    Assert.Contains(mount.Split(':')[0], volumes);
                }
            }
        }

        Assert.Matches(@"^cassandra:4\.1\.\d+$", Service("cassandra").Text("image"));
        Assert.Matches(@"^neo4j:5\.(2[6-9]|[3-9]\d)\.\d+", Service("neo4j").Text("image"));
        Assert.Contains("QUERY_API", Environment("neo4j")["NEO4J_server_http__enabled__modules"]);
    }

    [Fact]
    public void Services_run_on_their_real_stores_and_build_from_their_Dockerfiles()
    {
        Assert.Equal("Cassandra", Environment("messaging")["Messaging__Store"]);
        Assert.Equal("cassandra:9042", Environment("messaging")["Cassandra__ContactPoints"]);
        Assert.Equal("Neo4j", Environment("social-graph")["SocialGraph__Store"]);
        Assert.Equal("http://neo4j:7474", Environment("social-graph")["Neo4j__Uri"]);
        Assert.Equal("http://minio:9000", Environment("files")["S3__ServiceUrl"]);
        Assert.StartsWith("Host=postgres;", Environment("identity")["ConnectionStrings__Identity"]);
        Assert.Equal("/run/secrets/identity_signing_key", Environment("identity")["Identity__SigningKeyPath"]);
        foreach (var name in Services)
        {
            Assert.Equal($"deploy/docker/{name}.Dockerfile", Service(name).Map("build").Text("dockerfile"));
            Assert.StartsWith("amqp://", Environment(name)["ConnectionStrings__RabbitMq"]);
        }
    }

    [Fact]
    public void The_gateway_resolves_every_replica_of_each_service_by_dns()
    {
        var gateway = Environment("gateway");

        Assert.Equal("true", gateway["Gateway__DnsResolver__Enabled"]);
        foreach (var name in Services.Where(s => s != "gateway"))
        {
            Assert.Equal($"http://{name}:8080", gateway[$"ReverseProxy__Clusters__{name}__Destinations__{name}__Address"]);
        }
    }

    private static YamlNode Service(string name) => Config.Map("services").Map(name);

    private static Dictionary<string, string> Environment(string name) =>
        Service(name).Get("environment").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "");

    // "$${...}" is left to the container's shell, not compose's.
    [GeneratedRegex(@"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)")]
    private static partial Regex VariablePattern();
}
