using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Identity.Tokens;

/// <summary>
/// The ES256 key identity signs with. Its <c>kid</c> is the RFC 7638 thumbprint of the public
/// key, so every instance loading the same key publishes the same id.
/// </summary>
public sealed class SigningKey
{
    private SigningKey(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        SecurityKey = key;
        Credentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256);
        PublicJwk = ToPublicJwk(ecdsa, key.KeyId);
    }

    /// <summary>The key given inline, else read from <paramref name="path"/>; null when neither is configured or the file is absent.</summary>
    public static SigningKey? Load(string? pem, string? path, bool createIfMissing)
    {
        if (!string.IsNullOrWhiteSpace(pem))
        {
            return new SigningKey(pem);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path) && createIfMissing)
        {
            CreateKeyFile(path);
        }

        return File.Exists(path) ? new SigningKey(File.ReadAllText(path)) : null;
    }

    public string KeyId => SecurityKey.KeyId;

    public ECDsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public half, as published in <c>/.well-known/jwks.json</c>.</summary>
    public IReadOnlyDictionary<string, string> PublicJwk { get; }

    /// <summary>Written to a temporary file and moved into place, so instances starting together agree on one key.</summary>
    public static void CreateKeyFile(string path)
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
