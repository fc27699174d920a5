using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Health;

namespace Tripmate.ServiceDefaults.Messaging;

public static class MessageBusExtensions
{
    /// <summary>Connection string name of the broker: <c>ConnectionStrings:RabbitMq</c>, an amqp:// URI.</summary>
    public const string ConnectionName = "RabbitMq";

    /// <summary>
    /// The MassTransit bus on RabbitMQ, the one bus setup of every service. Each consumer gets a
    /// queue named <c>{service}-{consumer}</c> (kebab case), so every service receives its own copy
    /// of every event it consumes and no service can take another's. A consumer that throws is
    /// retried with growing delays, then its message moves to the endpoint's <c>_error</c> queue,
    /// where nothing is lost.
    /// </summary>
    /// <param name="serviceName">The service's name, e.g. <c>messaging</c>: the start of its queue names.</param>
    public static IHostApplicationBuilder AddMessageBus(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var uri = new Uri(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured."));
        var prefix = QueuePrefix(builder.Configuration, serviceName);
        builder.Services.Configure<MessageBusOptions>(builder.Configuration.GetSection(MessageBusOptions.Section));

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<RevocationList>();
        var names = new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(names);
            registerConsumers?.Invoke(bus);
            // Every instance of every service keeps the revocation list its authentication checks.
            bus.AddPerInstanceConsumer<RevocationConsumer>();

            // MassTransit 8.4+ reports how it is used to usage-tracking.masstransit.io at start-up;
            // a service does not call a third party its operators did not choose (and here, where it
            // cannot resolve the name, each start logged a failure).
            bus.DisableUsageTelemetry();

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
                rabbit.UseConsumeFilter(typeof(SkipProcessedEventsFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddSingleton(new IdempotentQueues(IdempotentQueueNames(builder.Services, names)));
        builder.Services.AddSingleton(new BrokerConnection(uri));
        builder.Services.AddHealthChecks().AddRabbitMQ(
            services => services.GetRequiredService<BrokerConnection>().GetAsync(),
            name: "rabbitmq",
            failureStatus: HealthStatus.Degraded,
            tags: [HealthEndpoints.ReadyTag],
            timeout: TimeSpan.FromSeconds(3));
        return builder;
    }

    /// <summary>The queue names of the registered consumers marked <see cref="IdempotentConsumerAttribute"/> (AddConsumer registers each as a service).</summary>
    private static HashSet<string> IdempotentQueueNames(IServiceCollection services, IEndpointNameFormatter names)
    {
        var consumerName = typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!;
        return [.. services.Select(s => s.ServiceType).Distinct()
            .Where(t => typeof(IConsumer).IsAssignableFrom(t) && t.IsDefined(typeof(IdempotentConsumerAttribute), inherit: false))
            .Select(t => (string)consumerName.MakeGenericMethod(t).Invoke(names, [])!)];
    }

    /// <summary>The prefix of the service's queue names: <see cref="MessageBusOptions.QueuePrefix"/>, else the service's name.</summary>
    public static string QueuePrefix(IConfiguration configuration, string serviceName) =>
        configuration.GetSection(MessageBusOptions.Section).Get<MessageBusOptions>()?.QueuePrefix is { Length: > 0 } prefix
            ? prefix
            : serviceName;

    /// <summary>
    /// A consumer on a queue of this instance alone, deleted when it stops: every instance gets
    /// every message (e.g. to push it to the clients connected there).
    /// </summary>
    public static void AddPerInstanceConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer =>
        bus.AddConsumer<TConsumer>().Endpoint(endpoint =>
        {
            endpoint.InstanceId = Guid.NewGuid().ToString("N");
            endpoint.Temporary = true;
        });
}
