using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Limits;

/// <summary>
/// Files is an echo service here, and the default timeout is short so that tests of it are too.
/// Signing up and in keep a long one: their password hash alone can take 2 s on a loaded machine.
/// </summary>
public sealed class LimitsStack() : GatewayStack(identityInstances: 1, "messaging", "files")
{
    protected override void ConfigureGateway(IDictionary<string, string?> settings)
    {
        settings["Gateway:Limits:DefaultTimeout"] = "00:00:02";
        settings["ReverseProxy:Routes:auth-register:Timeout"] = "00:00:30";
        settings["ReverseProxy:Routes:auth-login:Timeout"] = "00:00:30";
    }
}

public sealed class LimitsTests(LimitsStack stack) : IClassFixture<LimitsStack>
{
    private const int TwoMegabytes = 2 * 1024 * 1024;

    [Fact]
    public async Task A_body_over_the_default_limit_is_refused_with_413_problem_details()
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.PostAsync("/api/conversations", new ByteArrayContent(new byte[TwoMegabytes]));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_files_route_takes_larger_bodies()
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.PostAsync("/api/files", new ByteArrayContent(new byte[TwoMegabytes]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TwoMegabytes, (await response.Content.ReadFromJsonAsync<EchoBackend.Echo>())!.BodyLength);
    }

    [Fact]
    public async Task A_service_slower_than_the_route_timeout_gives_504_problem_details()
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.GetAsync("/api/conversations?delayMs=5000");

        await response.AssertProblemAsync(HttpStatusCode.GatewayTimeout);
    }

    [Fact]
    public async Task The_notification_stream_has_no_timeout_and_each_event_arrives_as_it_is_sent()
    {
        var user = await stack.NewUserAsync();
        var clock = Stopwatch.StartNew();

        // 4 events 1 s apart: longer than the 2 s default timeout.
        using var response = await user.Client.GetAsync("/api/notifications/stream?count=4&intervalMs=1000", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();
        var firstAt = clock.Elapsed;
        var rest = await reader.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("data: event 0", first);
        Assert.True(firstAt < TimeSpan.FromSeconds(2), $"The first event took {firstAt.TotalSeconds:0.0} s: the stream was buffered.");
        Assert.Contains("data: event 3", rest);
    }

    [Fact]
    public async Task Headers_over_the_size_limit_are_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
        request.Headers.Add("X-Padding", new string('x', 20_000));

        var response = await stack.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }
}
