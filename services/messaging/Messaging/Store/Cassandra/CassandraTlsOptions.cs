using System.Security.Cryptography.X509Certificates;
using Tripmate.Cql;

namespace Tripmate.Messaging.Store.Cassandra;

/// <summary>
/// <c>Cassandra:Tls</c>: the cluster's client-to-node encryption. The nodes' certificates must chain
/// to <see cref="CaCertificatePath"/> (else to the machine's roots) and name the contact point (or
/// <see cref="ServerName"/>); a client certificate is sent where the cluster requires one.
/// </summary>
public sealed class CassandraTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM of the CA that signs the nodes' certificates (a cluster's private CA).</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>The name every node's certificate carries, when it is not the contact point's host.</summary>
    public string? ServerName { get; set; }

    /// <summary>PEM certificate and key of this client, for clusters with <c>require_client_auth</c>.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientKeyPath { get; set; }

    public CqlTlsOptions? ToCql() => !Enabled ? null : new CqlTlsOptions
    {
        TrustedRoots = CaCertificatePath is { Length: > 0 } ca ? [X509CertificateLoader.LoadCertificateFromFile(ca)] : null,
        ServerName = ServerName,
        ClientCertificate = ClientCertificatePath is { Length: > 0 } certificate
            ? X509Certificate2.CreateFromPemFile(certificate, ClientKeyPath)
            : null,
    };
}
