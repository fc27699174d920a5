using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Hardening;

public sealed class PublicAnswersStack() : GatewayStack(identityInstances: 1, "messaging");

/// <summary>What a stranger sees through the gateway holds nothing internal (issue 10, acceptance 4).</summary>
public sealed class PublicAnswersTests(PublicAnswersStack stack) : IClassFixture<PublicAnswersStack>
{
    [Fact]
    public async Task Anonymous_health_answers_carry_the_status_alone()
    {
        foreach (var path in new[] { "/health/ready", "/health/live" })
        {
            var body = await stack.Anonymous().GetStringAsync(path);

            using var json = JsonDocument.Parse(body);
            Assert.Equal(["status"], json.RootElement.EnumerateObject().Select(p => p.Name));
            AssertNoInternalAddress(body);
        }

        var identityBody = await new HttpClient { BaseAddress = stack.Identity[0].BaseAddress }.GetStringAsync("/health/ready");
        Assert.Equal(["status"], JsonDocument.Parse(identityBody).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_signed_in_user_sees_what_an_anonymous_caller_sees_and_only_the_operator_port_names_each_check()
    {
        var user = await stack.NewUserAsync();
        using var identity = new HttpClient { BaseAddress = stack.Identity[0].BaseAddress };
        identity.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;

        foreach (var body in new[] { await user.Client.GetStringAsync("/health/ready"), await identity.GetStringAsync("/health/ready") })
        {
            Assert.Equal(["status"], JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name));
            AssertNoInternalAddress(body);
        }

        using var gatewayOperator = stack.Gateway.Operator();
        using var identityOperator = new HttpClient { BaseAddress = stack.Identity[0].OperatorAddress };
        foreach (var (client, check) in new[] { (gatewayOperator, "redis"), (identityOperator, "postgresql") })
        {
            using var details = JsonDocument.Parse(await client.GetStringAsync("/health/ready"));
            Assert.Contains(check, details.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        }
    }

    [Fact]
    public async Task No_answer_names_the_server_software()
    {
        var user = await stack.NewUserAsync();
        using var identity = new HttpClient { BaseAddress = stack.Identity[0].BaseAddress };
        var answers = new[]
        {
            await stack.Anonymous().GetAsync("/health/live"),
            await stack.Anonymous().GetAsync("/api/nothing-routes-here"),
            await user.Client.GetAsync("/api/users/me"),
            await user.Client.GetAsync("/api/conversations"),
            await identity.GetAsync("/health/ready"),
            await identity.GetAsync("/.well-known/jwks.json"),
        };

        Assert.All(answers, answer => Assert.Empty(answer.Headers.Server));
    }

    [Fact]
    public async Task The_discovery_document_names_the_public_url_not_identitys_address()
    {
        var body = await stack.Anonymous().GetStringAsync("/.well-known/openid-configuration");

        AssertNoInternalAddress(body);
        using var json = JsonDocument.Parse(body);
        Assert.StartsWith(stack.BaseAddress.ToString().TrimEnd('/'), json.RootElement.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task A_browser_asking_for_html_gets_problem_details_not_an_empty_500()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/not-a-guid/nothing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var user = await stack.NewUserAsync();
        request.Headers.Authorization = user.Client.DefaultRequestHeaders.Authorization;

        var response = await stack.Anonymous().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Head_answers_a_get_route_through_the_gateway()
    {
        var user = await stack.NewUserAsync();

        var response = await user.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/users/me"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private void AssertNoInternalAddress(string body)
    {
        foreach (var identity in stack.Identity)
        {
            Assert.DoesNotContain($":{identity.Port}", body);
        }

        Assert.DoesNotContain("amqp", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("rabbitmq://", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(stack.Echoes["messaging"].BaseAddress.Port.ToString(), body);
    }
}
