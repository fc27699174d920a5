using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Tripmate.ServiceDefaults.Health;

namespace Tripmate.ServiceDefaults.Messaging;

public static class MessageBusExtensions
{
    /// <summary>Connection string name of the broker: <c>ConnectionStrings:RabbitMq</c>, an amqp:// URI.</summary>
    public const string ConnectionName = "RabbitMq";

    /// <summary>
    /// The MassTransit bus on RabbitMQ. A consumer that throws is retried with growing delays, then
    /// its message moves to the endpoint's <c>_error</c> queue, where nothing is lost.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        var uri = new Uri(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured."));

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            registerConsumers?.Invoke(bus);

            // Services that publish through an outbox keep working while the broker is away, so
            // its absence makes the service degraded rather than unready. This check covers the
            // receive endpoints; "rabbitmq" below covers the connection, which a publish-only bus
            // does not report.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "bus";
                health.MinimalFailureStatus = HealthStatus.Degraded;
                health.Tags.Add(HealthEndpoints.ReadyTag);
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(uri, host =>
                {
                    // A publish completes only once the broker has taken the message: the outbox
                    // marks an event sent on that, never on a write into a socket buffer.
                    host.PublisherConfirmation = true;
                    var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                    if (credentials is [var user, var password])
                    {
                        host.Username(user);
                        host.Password(password);
                    }
                });
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    retryLimit: 5,
                    minInterval: TimeSpan.FromMilliseconds(100),
                    maxInterval: TimeSpan.FromSeconds(10),
                    intervalDelta: TimeSpan.FromMilliseconds(200)));
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddSingleton(new BrokerConnection(uri));
        builder.Services.AddHealthChecks().AddRabbitMQ(
            services => services.GetRequiredService<BrokerConnection>().GetAsync(),
            name: "rabbitmq",
            failureStatus: HealthStatus.Degraded,
            tags: [HealthEndpoints.ReadyTag],
            timeout: TimeSpan.FromSeconds(3));
        return builder;
    }
}
