using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tripmate.Cql.Tests.Server;

/// <summary>A private CA made for one test run, and certificates it signs: for nodes (by name or address) and for clients.</summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 authority) => Authority = authority;

    /// <summary>The CA, with its private key (to sign); hand <see cref="Root"/> to clients.</summary>
    public X509Certificate2 Authority { get; }

    public X509Certificate2Collection Root => [X509CertificateLoader.LoadCertificate(Authority.RawData)];

    public static TestCertificates NewAuthority(string name = "Tripmate test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return new TestCertificates(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1)));
    }

    /// <summary>A node's certificate for <paramref name="names"/> (host names or IP addresses).</summary>
    public X509Certificate2 Server(params string[] names) => Issue($"CN={names[0]}", names, serverAuth: true);

    public X509Certificate2 Client(string name) => Issue($"CN={name}", [], serverAuth: false);

    private X509Certificate2 Issue(string subject, string[] names, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (names.Length > 0)
        {
            var alternatives = new SubjectAlternativeNameBuilder();
            foreach (var name in names)
            {
                if (IPAddress.TryParse(name, out var address)) alternatives.AddIpAddress(address);
                else alternatives.AddDnsName(name);
            }
            request.CertificateExtensions.Add(alternatives.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        using var issued = request.Create(Authority, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(50), serial);
        // Through PKCS#12, so the key is usable by SslStream on every platform.
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose() => Authority.Dispose();
}
