using Microsoft.Extensions.Options;

namespace Tripmate.Gateway.Auth;

/// <summary>Reads the shared revocation list at start and every <see cref="RevocationOptions.SyncInterval"/>.</summary>
internal sealed class RevokedSubjectsSync(RevokedSubjects revoked, IOptions<RevocationOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SyncInterval);
        do
        {
            await revoked.Sync();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
