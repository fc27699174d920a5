using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tripmate.ServiceDefaults.Auth;

/// <summary>Identity's list of what is revoked now, each entry with the time its last token expires.</summary>
public sealed record RevocationSnapshot(IReadOnlyList<RevokedEntry> Subjects, IReadOnlyList<RevokedEntry> SignIns)
{
    /// <summary>Identity's path for it: not routed by the gateway, reached only inside the cluster.</summary>
    public const string Path = "/internal/revocations";
}

public sealed record RevokedEntry(Guid Id, DateTimeOffset Until);

/// <summary>Where an instance reads the whole list: identity over HTTP, or identity's own store (identity itself).</summary>
public interface IRevocationSource
{
    Task<RevocationSnapshot> ReadAsync(CancellationToken ct);
}

/// <summary>Identity's <see cref="RevocationSnapshot.Path"/> at <c>Auth:Authority</c>.</summary>
internal sealed class IdentityRevocationSource(HttpClient http) : IRevocationSource
{
    public async Task<RevocationSnapshot> ReadAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<RevocationSnapshot>(RevocationSnapshot.Path, ct) ?? new RevocationSnapshot([], []);
}

/// <summary>
/// Reads the whole list at start and every <see cref="RevocationOptions.SyncInterval"/>: what the
/// events could not bring (an instance starting after them, a broker outage). A failed read keeps
/// what is known and tries again at the next tick.
/// </summary>
internal sealed partial class RevocationSync(
    RevocationList revoked, IEnumerable<IRevocationSource> sources, IOptions<RevocationOptions> options, ILogger<RevocationSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (sources.LastOrDefault() is null)
        {
            return; // nothing to read from (no Auth:Authority): the events alone feed the list
        }

        using var timer = new PeriodicTimer(options.Value.SyncInterval);
        do
        {
            await SyncOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SyncOnceAsync(CancellationToken ct)
    {
        revoked.DropExpired();
        try
        {
            var snapshot = await sources.Last().ReadAsync(ct);
            foreach (var subject in snapshot.Subjects)
            {
                revoked.RevokeSubject(subject.Id, subject.Until);
            }

            foreach (var signIn in snapshot.SignIns)
            {
                revoked.RevokeSignIn(signIn.Id, signIn.Until);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException
            && !ct.IsCancellationRequested)
        {
            LogSyncFailed(e.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Revocation list not read from identity (the events still arrive): {Reason}")]
    private partial void LogSyncFailed(string reason);
}
