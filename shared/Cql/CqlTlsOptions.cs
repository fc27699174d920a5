using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Tripmate.Cql;

/// <summary>
/// TLS to the cluster (client-to-node encryption): every connection is an <see cref="SslStream"/>
/// whose server certificate is validated (chain and host name) before the handshake, optionally
/// presenting a client certificate (clusters that require one).
/// </summary>
public sealed record CqlTlsOptions
{
    /// <summary>
    /// Roots that sign the nodes' certificates (a cluster's private CA). Null: the machine's trusted
    /// roots. When given, only these are trusted: a certificate the machine trusts but they do not sign is refused.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>The name the node's certificate must carry; null: the contact point's host as written.</summary>
    public string? ServerName { get; init; }

    /// <summary>Presented when the node asks for one (Cassandra's <c>require_client_auth</c>); it needs its private key.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>None: the operating system's choice (TLS 1.2 and 1.3 today).</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.None;

    internal SslClientAuthenticationOptions ForHost(string host)
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = ServerName ?? host,
            EnabledSslProtocols = Protocols,
            ClientCertificates = ClientCertificate is null ? null : [ClientCertificate],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (TrustedRoots is { Count: > 0 } roots)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            options.CertificateChainPolicy = policy;
        }

        return options;
    }
}
