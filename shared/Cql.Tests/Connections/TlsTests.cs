using Tripmate.Cql.Tests.Server;

namespace Tripmate.Cql.Tests.Connections;

/// <summary>Client-to-node encryption against a TLS-terminating peer: the node is proven by its certificate, the client by its own when asked.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = TestCertificates.NewAuthority();
    private FakeCqlServer _node = null!;

    public Task InitializeAsync()
    {
        _node = new FakeCqlServer(request => request.ReplyAsync(FakeCqlServer.IntRows(7), 0x08));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task A_node_whose_certificate_the_cluster_CA_signed_for_its_address_is_queried_over_TLS()
    {
        await using var peer = new TlsTerminatingPeer(_certificates.Server("127.0.0.1"), _node.Port);

        await using var session = await ClusterFactory.ConnectAsync(
            ClusterFactory.Options($"127.0.0.1:{peer.Port}") with { Tls = new CqlTlsOptions { TrustedRoots = _certificates.Root } });
        var rows = await session.ExecuteAsync("SELECT n FROM t");

        Assert.Equal(7, rows.Single().Get<int>("n"));
        Assert.Equal([""], peer.Handshakes);
    }

    [Fact]
    public async Task A_certificate_of_another_CA_is_refused_before_anything_is_sent()
    {
        using var stranger = TestCertificates.NewAuthority("Some other CA");
        await using var peer = new TlsTerminatingPeer(stranger.Server("127.0.0.1"), _node.Port);

        var error = await Assert.ThrowsAsync<NoHostAvailableException>(() => ClusterFactory.ConnectAsync(
            ClusterFactory.Options($"127.0.0.1:{peer.Port}") with { Tls = new CqlTlsOptions { TrustedRoots = _certificates.Root } }));

        Assert.Contains("certificate", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_node.HandshakeLog);
    }

    [Fact]
    public async Task Without_trusted_roots_only_the_machines_roots_count_and_a_private_CA_is_refused()
    {
        await using var peer = new TlsTerminatingPeer(_certificates.Server("127.0.0.1"), _node.Port);

        await Assert.ThrowsAsync<NoHostAvailableException>(() => ClusterFactory.ConnectAsync(
            ClusterFactory.Options($"127.0.0.1:{peer.Port}") with { Tls = new CqlTlsOptions() }));

        Assert.Empty(_node.HandshakeLog);
    }

    [Fact]
    public async Task A_certificate_for_another_name_is_refused_and_the_expected_name_can_be_set()
    {
        await using var peer = new TlsTerminatingPeer(_certificates.Server("cassandra-0.db.internal"), _node.Port);
        var options = ClusterFactory.Options($"127.0.0.1:{peer.Port}");

        await Assert.ThrowsAsync<NoHostAvailableException>(() => ClusterFactory.ConnectAsync(
            options with { Tls = new CqlTlsOptions { TrustedRoots = _certificates.Root } }));
        await using var session = await ClusterFactory.ConnectAsync(
            options with { Tls = new CqlTlsOptions { TrustedRoots = _certificates.Root, ServerName = "cassandra-0.db.internal" } });

        Assert.Equal(7, (await session.ExecuteAsync("SELECT n FROM t")).Single().Get<int>("n"));
    }

    [Fact]
    public async Task A_node_that_requires_a_client_certificate_admits_the_client_that_presents_one()
    {
        await using var peer = new TlsTerminatingPeer(_certificates.Server("127.0.0.1"), _node.Port, clientRoots: _certificates.Root);
        var options = ClusterFactory.Options($"127.0.0.1:{peer.Port}");

        await Assert.ThrowsAsync<NoHostAvailableException>(() => ClusterFactory.ConnectAsync(
            options with { Tls = new CqlTlsOptions { TrustedRoots = _certificates.Root } }));
        await using var session = await ClusterFactory.ConnectAsync(options with
        {
            Tls = new CqlTlsOptions { TrustedRoots = _certificates.Root, ClientCertificate = _certificates.Client("messaging") },
        });

        Assert.Equal(7, (await session.ExecuteAsync("SELECT n FROM t")).Single().Get<int>("n"));
        Assert.Contains("CN=messaging", peer.Handshakes);
    }
}
