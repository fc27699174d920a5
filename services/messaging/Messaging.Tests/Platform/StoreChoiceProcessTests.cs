using Tripmate.Testing;

namespace Tripmate.Messaging.Tests.Platform;

/// <summary>The real service process, started as a deployment would start it.</summary>
public sealed class StoreChoiceProcessTests
{
    [Fact]
    public async Task In_production_without_a_store_choice_the_service_exits_at_start_naming_the_setting()
    {
        var start = () => ServiceProcess.StartAsync(ServiceBuild.Messaging, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__RabbitMq"] = TestServers.RabbitMq,
            ["CASSANDRA_CONTACT_POINTS"] = "10.0.0.1",
        }, readyTimeout: TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(start);

        Assert.Contains("exited with", error.Message);
        Assert.Contains("Messaging:Store is not set", error.Message);
    }
}
