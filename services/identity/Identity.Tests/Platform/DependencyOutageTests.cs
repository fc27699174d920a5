using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Platform;

/// <summary>Identity on a PostgreSQL and a RabbitMQ of its own, which its tests stop and restart.</summary>
public sealed class IdentityOnPrivateServers : IdentityApp
{
    public IdentityOnPrivateServers() : this(new PrivateServers())
    {
    }

    private IdentityOnPrivateServers(PrivateServers servers) : base(PostgresDatabase.NewName("identity", servers.Postgres))
    {
        Servers = servers;
        With("ConnectionStrings:RabbitMq", servers.RabbitMq);
    }

    public PrivateServers Servers { get; }

    public override async Task InitializeAsync()
    {
        await Servers.StartAsync("postgres", "rabbitmq");
        await base.InitializeAsync();
    }

    protected override async Task DisposeResourcesAsync()
    {
        await base.DisposeResourcesAsync();
        await Servers.DisposeAsync();
    }
}

/// <summary>Stops its own servers mid-test; every other test keeps the shared ones.</summary>
public sealed class DependencyOutageTests(IdentityOnPrivateServers app) : IClassFixture<IdentityOnPrivateServers>
{
    [Fact]
    public async Task Readiness_fails_and_requests_are_503_with_retry_after_while_postgres_is_down()
    {
        var operator_ = await app.NewUserAsync();
        var client = operator_.Client;
        // Health details are answered on the operator port alone.
        using var health = app.Operator();
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health/ready")).StatusCode);

        await app.Servers.StopAsync("postgres");
        try
        {
            var down = await Eventually.WaitForAsync(() => health.GetAsync("/health/ready"),
                r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20), "readiness to fail");
            Assert.Equal("Unhealthy", await CheckStatusAsync(down, "postgresql"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

            var read = await client.GetAsync("/api/users/me");
            await read.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(read.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 503 says when to retry.");
            var login = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = operator_.Email, password = operator_.Password });
            await login.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await app.Servers.StartAsync("postgres");
        }

        await Eventually.WaitForAsync(() => client.GetAsync("/health/ready"),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness to recover");
    }

    [Fact]
    public async Task Registrations_made_while_rabbitmq_is_down_are_all_delivered_once_after_it_restarts()
    {
        await using var recorder = await IdentityEvents.RecordAsync(app.Servers.RabbitMq);
        var client = (await app.NewUserAsync()).Client;
        var registered = new List<Guid>();

        await app.Servers.StopAsync("rabbitmq");
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var response = await client.PostAsJsonAsync("/api/auth/register",
                    new { email = $"offline{i}-{Guid.NewGuid():N}@example.test", password = "while the broker sleeps", displayName = $"Offline {i}" });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                registered.Add((await response.Content.ReadFromJsonAsync<Account>())!.Id);
            }

            // The bus notices the lost connection on its own schedule; wait for it rather than assert once.
            using var health = app.Operator();
            await Eventually.WaitForAsync(async () => await CheckStatusAsync(await health.GetAsync("/health/ready"), "rabbitmq"),
                status => status == "Degraded", TimeSpan.FromSeconds(30), "the rabbitmq check to turn Degraded");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.DoesNotContain(recorder.All.Select(r => r.Event).OfType<UserRegistered>(), e => registered.Contains(e.UserId));
        }
        finally
        {
            await app.Servers.StartAsync("rabbitmq");
        }

        await recorder.WaitForAsync<UserRegistered>(e => registered.Contains(e.UserId), count: 20, timeout: TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3)); // longer than the relay's poll: a re-sent event would show up by now
        var delivered = recorder.All.Select(r => r.Event).OfType<UserRegistered>().Where(e => registered.Contains(e.UserId)).ToList();
        Assert.Equal(registered.Order(), delivered.Select(e => e.UserId).Order());
    }

    private static async Task<string?> CheckStatusAsync(HttpResponseMessage health, string check)
    {
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == check)
            .GetProperty("status").GetString();
    }
}
