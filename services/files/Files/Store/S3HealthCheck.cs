using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tripmate.Files.Store;

/// <summary>Ready when the bucket answers a listing: it is the service's only store.</summary>
public sealed class S3HealthCheck(Bucket bucket) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await bucket.ListAsync("health/", startAfter: null, max: 1, timeout.Token);
            return HealthCheckResult.Healthy($"Bucket {bucket.Name} answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Bucket {bucket.Name} does not answer: {e.GetBaseException().Message}");
        }
    }
}
