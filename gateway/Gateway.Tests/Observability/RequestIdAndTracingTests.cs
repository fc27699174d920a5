using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Observability;

public sealed class ObservabilityStack() : GatewayStack(identityInstances: 1, "messaging");

public sealed class RequestIdAndTracingTests(ObservabilityStack stack) : IClassFixture<ObservabilityStack>
{
    [Fact]
    public async Task A_sane_request_id_is_forwarded_and_returned()
    {
        var user = await stack.NewUserAsync();
        var id = $"client-{Guid.NewGuid():N}";
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/conversations");
        request.Headers.Add("X-Request-Id", id);

        var response = await user.Client.SendAsync(request);

        Assert.Equal(id, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal(id, (await response.Content.ReadFromJsonAsync<EchoBackend.Echo>())!.RequestId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has spaces and <angle> brackets")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task A_missing_or_unfit_request_id_is_replaced_by_a_generated_one(string? sent)
    {
        var user = await stack.NewUserAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/conversations");
        if (sent is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", sent);
        }

        var response = await user.Client.SendAsync(request);

        var returned = response.Headers.GetValues("X-Request-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", returned);
        Assert.Equal(returned, (await response.Content.ReadFromJsonAsync<EchoBackend.Echo>())!.RequestId);
    }

    [Fact]
    public async Task The_w3c_trace_continues_into_the_service_with_the_gateways_span_as_parent()
    {
        var user = await stack.NewUserAsync();
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        const string clientSpan = "00f067aa0ba902b7";

        // Over a bare socket: an HttpClient in this process (where the gateway's telemetry listens)
        // would replace our traceparent with one of its own.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(stack.BaseAddress.Host, stack.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /api/conversations HTTP/1.0\r\nHost: {stack.BaseAddress.Authority}\r\n" +
            $"Authorization: Bearer {user.AccessToken}\r\ntraceparent: 00-{traceId}-{clientSpan}-01\r\n\r\n"));
        var response = await new StreamReader(stream).ReadToEndAsync();
        var echo = JsonSerializer.Deserialize<EchoBackend.Echo>(response[(response.IndexOf("\r\n\r\n") + 4)..], JsonSerializerOptions.Web)!;

        Assert.NotNull(echo.TraceParent);
        var parts = echo.TraceParent.Split('-');
        Assert.Equal(traceId, parts[1]);
        Assert.NotEqual(clientSpan, parts[2]);
    }

    [Fact]
    public async Task Each_request_writes_one_access_log_line_with_route_method_status_duration_and_user()
    {
        var user = await stack.NewUserAsync();
        var id = $"log-{Guid.NewGuid():N}";
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
        request.Headers.Add("X-Request-Id", id);

        await user.Client.SendAsync(request);

        var lines = await Eventually.WaitForAsync(
            () => Task.FromResult(stack.Gateway.Logs.GetSnapshot().Where(entry => entry.GetStructuredStateValue("RequestId") == id).ToList()),
            found => found.Count > 0,
            TimeSpan.FromSeconds(5),
            "the access-log line");
        var line = Assert.Single(lines);
        Assert.Equal("users", line.GetStructuredStateValue("Route"));
        Assert.Equal("GET", line.GetStructuredStateValue("Method"));
        Assert.Equal("200", line.GetStructuredStateValue("Status"));
        Assert.Equal(user.Id.ToString(), line.GetStructuredStateValue("UserId"));
        Assert.True(double.TryParse(line.GetStructuredStateValue("DurationMs"), System.Globalization.CultureInfo.InvariantCulture, out _));
    }
}
