using RabbitMQ.Client;

namespace Tripmate.ServiceDefaults.Messaging;

/// <summary>
/// One long-lived connection for the readiness probe, opened on first use (the broker may be down
/// at start-up) and recovered by the client after an outage, so probing costs no handshake.
/// </summary>
public sealed class BrokerConnection(Uri uri) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetAsync()
    {
        if (_connection is { } open)
        {
            return open;
        }

        await _opening.WaitAsync();
        try
        {
            return _connection ??= await new ConnectionFactory
            {
                Uri = uri,
                AutomaticRecoveryEnabled = true,
                ClientProvidedName = "health-probe",
                RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            }.CreateConnectionAsync();
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
