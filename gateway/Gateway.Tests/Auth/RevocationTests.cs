using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Auth;

/// <summary>
/// A deleted account's access token is refused by the gateway (the messaging stand-in checks
/// nothing, so a 401 on its route is the gateway's): at once by the instance that carried the
/// delete, through UserDeleted by another running instance, and from identity's list by one started later.
/// </summary>
public sealed class RevocationTests(AuthStack stack) : IClassFixture<AuthStack>
{
    [Fact]
    public async Task A_deleted_accounts_token_is_refused_within_a_second_of_the_delete()
    {
        var other = stack.StartGateway();
        await WaitUntilBusIsBoundAsync(other);
        var user = await stack.NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/conversations")).StatusCode);
        var bystander = await stack.NewUserAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/users/me")).StatusCode);
        var deleted = Stopwatch.StartNew();
        var refused = await Eventually.WaitForAsync(() => user.Client.GetAsync("/api/conversations"),
            response => response.StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(5), "the deleted account's token to be refused");

        Assert.True(deleted.Elapsed < TimeSpan.FromSeconds(1), $"Refused only after {deleted.ElapsedMilliseconds} ms.");
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await bystander.Client.GetAsync("/api/conversations")).StatusCode);

        using var otherClient = other.Anonymous();
        otherClient.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        await Eventually.WaitForAsync(() => otherClient.GetAsync("/api/conversations"),
            response => response.StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "another running gateway to hear UserDeleted");

        // An instance that was not running when the event went out learns it from identity's list.
        var later = stack.StartGateway();
        using var laterClient = later.Anonymous();
        laterClient.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        await Eventually.WaitForAsync(() => laterClient.GetAsync("/api/conversations"),
            response => response.StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "a new gateway to refuse the token too");
    }

    /// <summary>Healthy (not just ready) means the gateway's queues are bound, so the UserDeleted reaches it.</summary>
    private static async Task WaitUntilBusIsBoundAsync(GatewayApp gateway)
    {
        var operatorUser = gateway.Anonymous();
        await Eventually.WaitForAsync(async () =>
            {
                using var response = await operatorUser.GetAsync("/health/ready");
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString();
            },
            status => status == "Healthy", TimeSpan.FromSeconds(30), "the gateway's bus to be healthy");
    }
}
