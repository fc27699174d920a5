using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Tripmate.Load.Identity;

/// <summary>
/// How soon after a registration its <c>UserRegistered</c> event reaches a consumer on the broker:
/// the outbox relay is meant to publish within milliseconds of the commit. Measured from the moment
/// the 201 arrives (the commit happened before it), so a negative lag means the event won the race.
/// </summary>
public sealed class EventLatencyScenario(HttpClient http, Uri broker, int registrations)
{
    // MassTransit's exchange for the contract type: "{namespace}:{type}", fanout, durable.
    private const string Exchange = "Tripmate.Contracts.Identity:UserRegistered";

    public async Task<string> RunAsync()
    {
        var arrivals = new ConcurrentDictionary<Guid, long>();
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, Exchange, routingKey: "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            using var envelope = JsonDocument.Parse(delivery.Body);
            arrivals.TryAdd(envelope.RootElement.GetProperty("message").GetProperty("userId").GetGuid(), now);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);

        var responses = new Dictionary<Guid, long>();
        for (var i = 0; i < registrations; i++)
        {
            using var response = await http.PostAsJsonAsync("/api/auth/register", new
            {
                email = $"latency-{Guid.NewGuid():N}@example.test",
                password = "load test password",
                displayName = $"Latency {i}",
            });
            response.EnsureSuccessStatusCode();
            var account = await response.Content.ReadFromJsonAsync<Account>();
            responses[account!.Id] = Stopwatch.GetTimestamp();
        }

        var deadline = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
        while (arrivals.Count < registrations && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        var lags = responses.Where(r => arrivals.ContainsKey(r.Key))
            .Select(r => Stopwatch.GetElapsedTime(r.Value, arrivals[r.Key]).TotalMilliseconds)
            .Order().ToArray();
        double At(double q) => lags.Length == 0 ? double.NaN : lags[Math.Min(lags.Length - 1, (int)(q * lags.Length))];
        return $"event-lag        {registrations} registrations, {lags.Length} events received; " +
               $"lag after the 201: p50 {At(0.5):F2} ms, p99 {At(0.99):F2} ms, max {lags.LastOrDefault():F2} ms";
    }

    private sealed record Account(Guid Id);
}
