using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Tripmate.Cql.Tests.Server;

/// <summary>
/// A TLS-terminating proxy on loopback, as a node with client-to-node encryption looks to a client:
/// it completes the TLS handshake with its certificate (asking for a client certificate if told
/// to), then relays the plaintext to a <see cref="FakeCqlServer"/>. What it saw is recorded.
/// </summary>
internal sealed class TlsTerminatingPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _certificate;
    private readonly int _backendPort;
    private readonly X509Certificate2Collection? _clientRoots;
    private readonly Task _acceptLoop;

    /// <param name="clientRoots">When given, a client certificate signed by one of these is required.</param>
    public TlsTerminatingPeer(X509Certificate2 certificate, int backendPort, X509Certificate2Collection? clientRoots = null)
    {
        (_certificate, _backendPort, _clientRoots) = (certificate, backendPort, clientRoots);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    /// <summary>One entry per connection whose handshake completed: the client certificate's subject, or "" for none.</summary>
    public ConcurrentQueue<string> Handshakes { get; } = new();

    /// <summary>Why handshakes failed, on the peer's side.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        await using (var tls = new SslStream(client.GetStream()))
        {
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = _clientRoots is not null,
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => _clientRoots is null || SignedByClientRoot(certificate),
                }, _stop.Token);
            }
            catch (Exception e)
            {
                Failures.Enqueue(e.Message);
                return;
            }

            Handshakes.Enqueue(tls.RemoteCertificate?.Subject ?? "");
            using var backend = new TcpClient();
            await backend.ConnectAsync(IPAddress.Loopback, _backendPort);
            var plain = backend.GetStream();
            await Task.WhenAny(tls.CopyToAsync(plain, _stop.Token), plain.CopyToAsync(tls, _stop.Token));
        }
    }

    private bool SignedByClientRoot(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(_clientRoots!);
        return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
    }
}
