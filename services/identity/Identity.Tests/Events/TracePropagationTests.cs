using System.Diagnostics;
using System.Net.Http.Json;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Tests.Infrastructure;

namespace Tripmate.Identity.Tests.Events;

/// <summary>
/// One trace from the request through the outbox relay and the broker: the event is stored with the
/// request's trace context and published under it, so a consumer's span (and the trace view) joins
/// the request's trace, however long the event waited in the outbox.
/// </summary>
public sealed class TracePropagationTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task An_event_reaches_its_consumer_in_the_trace_of_the_request_that_raised_it()
    {
        await using var recorder = await IdentityEvents.RecordAsync();
        // The caller's span, sampled (as the gateway's spans are): the client sends its context with the request.
        using var caller = new Activity("test client").SetIdFormat(ActivityIdFormat.W3C);
        caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        caller.Start();
        var trace = caller.TraceId;
        var registered = await app.Anonymous().PostAsJsonAsync("/api/auth/register",
            new { email = $"u{Guid.NewGuid():N}@example.test", password = "correct horse battery", displayName = "Ida Pfeiffer" });
        caller.Stop();
        var account = (await registered.Content.ReadFromJsonAsync<Account>())!;

        await recorder.WaitForAsync<UserRegistered>(e => e.UserId == account.Id);
        var received = recorder.All.Single(r => r.Event is UserRegistered e && e.UserId == account.Id);
        Assert.True(received.TraceParent is not null, "The event arrived without trace context.");
        Assert.Equal(trace.ToString(), ActivityContext.Parse(received.TraceParent, null).TraceId.ToString());
    }
}
