using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Identity.Tokens;

/// <summary>
/// The ES256 key identity signs with. Its <c>kid</c> is the RFC 7638 thumbprint of the public
/// key, so every instance loading the same key publishes the same id.
/// </summary>
public sealed class SigningKey
{
    public SigningKey(IOptions<IssuingOptions> options)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(ReadPem(options.Value));
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        SecurityKey = key;
        Credentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256);
        PublicJwk = ToPublicJwk(ecdsa, key.KeyId);
    }

    public ECDsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public half, as published in <c>/.well-known/jwks.json</c>.</summary>
    public IReadOnlyDictionary<string, string> PublicJwk { get; }

    private static string ReadPem(IssuingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            return options.SigningKeyPem;
        }

        var path = options.SigningKeyPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("Identity:SigningKeyPath or Identity:SigningKeyPem must be configured.");
        }

        if (!File.Exists(path) && options.CreateSigningKeyIfMissing)
        {
            CreateKeyFile(path);
        }

        return File.ReadAllText(path);
    }

    /// <summary>Written to a temporary file and moved into place, so instances starting together agree on one key.</summary>
    private static void CreateKeyFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, ecdsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static Dictionary<string, string> ToPublicJwk(ECDsa ecdsa, string keyId)
    {
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
            ["kid"] = keyId,
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
        };
    }
}
