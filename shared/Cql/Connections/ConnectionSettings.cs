namespace Tripmate.Cql.Connections;

/// <summary>What one connection needs from the cluster options.</summary>
internal sealed record ConnectionSettings(
    CqlCredentials? Credentials,
    string? Keyspace,
    TimeSpan ConnectTimeout,
    TimeSpan RequestTimeout,
    int MaxFrameSizeBytes,
    CqlTlsOptions? Tls = null)
{
    public static ConnectionSettings From(CqlClusterOptions options) => new(
        options.Credentials, options.Keyspace, options.ConnectTimeout, options.RequestTimeout, options.MaxFrameSizeBytes, options.Tls);
}
