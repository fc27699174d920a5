namespace Tripmate.Cql.Tests.Connections;

internal static class ClusterFactory
{
    public static CqlClusterOptions Options(params string[] contactPoints) => new()
    {
        ContactPoints = contactPoints,
        ConnectionsPerHost = 1,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(10),
        DefaultConsistency = Consistency.One,
        Reconnect = new ReconnectOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), MaxAttempts = 2 },
    };

    public static Task<CqlSession> ConnectAsync(CqlClusterOptions options) => new CqlCluster(options).ConnectAsync();

    /// <summary>An address nothing listens on: a port freed right after binding it.</summary>
    public static string ClosedAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"127.0.0.1:{port}";
    }
}
