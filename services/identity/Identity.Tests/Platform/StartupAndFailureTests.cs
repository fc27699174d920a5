using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Tripmate.Identity.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Identity.Tests.Platform;

public sealed class StartupAndFailureTests
{
    [Fact]
    public async Task Two_instances_starting_at_once_on_a_new_database_both_come_up_and_serve()
    {
        var database = PostgresDatabase.NewName("identity_twins");
        await using var first = new IdentityApp(database);
        await using var second = new IdentityApp(database);

        await Task.WhenAll(Task.Run(first.InitializeAsync), Task.Run(second.InitializeAsync));

        var fromFirst = await first.NewUserAsync();
        var fromSecond = await second.NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await first.Anonymous().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Anonymous().GetAsync("/health/ready")).StatusCode);
        Assert.NotEqual(fromFirst.Id, fromSecond.Id);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        await using var app = new IdentityApp();
        await app.InitializeAsync();
        var user = await app.NewUserAsync();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("ALTER TABLE users RENAME TO users_gone", connection).ExecuteNonQueryAsync();
        }

        var response = await user.Client.GetAsync("/api/users/me");

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var leak in new[] { "users_gone", "42P01", "Npgsql", "relation", "   at ", "Exception" })
        {
            Assert.DoesNotContain(leak, body);
        }
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token_and_name_each_check_on_the_operator_port_alone()
    {
        await using var app = new IdentityApp();
        await app.InitializeAsync();
        var operatorClient = app.Operator();
        var signedIn = (await app.NewUserAsync()).Client;

        // The bus connects in the background just after start-up; until then readiness says Degraded.
        var ready = await Eventually.WaitForAsync(() => operatorClient.GetFromJsonAsync<HealthBody>("/health/ready"),
            body => body!.Status == "Healthy", TimeSpan.FromSeconds(15), "a healthy readiness report");
        var live = await app.Anonymous().GetAsync("/health/live");
        var anonymousReady = await app.Anonymous().GetFromJsonAsync<HealthBody>("/health/ready");

        Assert.Equal(["bus", "postgresql", "rabbitmq"], ready!.Checks!.Select(c => c.Name).Order());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", anonymousReady!.Status);
        Assert.Null(anonymousReady.Checks);
        Assert.Null((await signedIn.GetFromJsonAsync<HealthBody>("/health/ready"))!.Checks);
    }

    private sealed record HealthBody(string Status, List<HealthCheck>? Checks);

    private sealed record HealthCheck(string Name, string Status);
}
