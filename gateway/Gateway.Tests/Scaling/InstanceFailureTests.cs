using System.Diagnostics;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;
using Xunit.Abstractions;

namespace Tripmate.Gateway.Tests.Scaling;

/// <summary>A stack of its own: the test kills one of its instances.</summary>
public sealed class InstanceToKillStack() : GatewayStack(identityInstances: 2);

public sealed class InstanceFailureTests(InstanceToKillStack stack, ITestOutputHelper output) : IClassFixture<InstanceToKillStack>
{
    // A request in flight when the process dies fails (only connect failures are retried), so
    // up to one per worker may fail; everything else must be hidden by the retry or avoided by health checks.
    private sealed record Outcome(TimeSpan At, int Status, string? Error);

    [Fact]
    public async Task Killing_an_instance_fails_no_request_after_5_seconds_and_retries_hide_most_before()
    {
        var user = await stack.NewUserAsync();
        var clock = Stopwatch.StartNew();
        var outcomes = new List<Outcome>();
        using var stop = new CancellationTokenSource();
        var traffic = Task.WhenAll(Enumerable.Range(0, 2).Select(_ => SendUntilAsync(user.Client, clock, outcomes, stop.Token)));

        await Task.Delay(TimeSpan.FromSeconds(2));
        var killedAt = clock.Elapsed;
        await stack.Identity[1].KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(9));
        await stop.CancelAsync();
        await traffic;

        var afterKill = outcomes.Where(outcome => outcome.At >= killedAt).ToList();
        var failures = afterKill.Where(outcome => outcome.Status != 200).ToList();
        output.WriteLine($"{afterKill.Count} requests after the kill, {failures.Count} failed: " +
            string.Join("; ", failures.Select(f => $"{(f.At - killedAt).TotalSeconds:0.00}s {f.Status} {f.Error}")));
        Assert.True(afterKill.Count > 20, $"Too little traffic to tell: {afterKill.Count} requests.");
        Assert.DoesNotContain(failures, failure => failure.At - killedAt > TimeSpan.FromSeconds(5));
        Assert.True(failures.Count <= 2, $"{failures.Count} of {afterKill.Count} requests failed in the first 5 s.");

        var health = await stack.Anonymous().GetFromJsonAsync<ServicesHealthDto>("/health/services");
        Assert.Equal([true, false], health!["identity"].Instances.Select(instance => instance.Available));
    }

    private static async Task SendUntilAsync(HttpClient client, Stopwatch clock, List<Outcome> outcomes, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var at = clock.Elapsed;
            Outcome outcome;
            try
            {
                using var response = await client.GetAsync("/api/users/me", CancellationToken.None);
                outcome = new Outcome(at, (int)response.StatusCode, response.IsSuccessStatusCode ? null : await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException e)
            {
                outcome = new Outcome(at, 0, e.Message);
            }

            lock (outcomes)
            {
                outcomes.Add(outcome);
            }
        }
    }
}
