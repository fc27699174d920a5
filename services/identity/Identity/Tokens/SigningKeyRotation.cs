namespace Tripmate.Identity.Tokens;

/// <summary>
/// <c>dotnet Tripmate.Identity.dll rotate-signing-key</c> (<c>./dev rotate-signing-key</c> locally):
/// the current key file becomes the previous one and a new key is written in its place. Restart the
/// instances afterwards; they sign with the new key and publish both, so no token in use breaks.
/// </summary>
public static class SigningKeyRotation
{
    public const string Command = "rotate-signing-key";

    public static int Run(IConfiguration configuration, TextWriter output)
    {
        var options = configuration.GetSection(IssuingOptions.Section).Get<IssuingOptions>() ?? new IssuingOptions();
        if (string.IsNullOrWhiteSpace(options.SigningKeyPath) || string.IsNullOrWhiteSpace(options.PreviousSigningKeyPath))
        {
            output.WriteLine("Rotation needs key files: set Identity:SigningKeyPath and Identity:PreviousSigningKeyPath.");
            return 2;
        }

        if (!File.Exists(options.SigningKeyPath))
        {
            output.WriteLine($"No current key at {options.SigningKeyPath}: nothing to rotate.");
            return 2;
        }

        var retiring = SigningKey.Load(null, options.SigningKeyPath, createIfMissing: false)!.KeyId;
        File.Copy(options.SigningKeyPath, options.PreviousSigningKeyPath, overwrite: true);
        File.Delete(options.SigningKeyPath);
        SigningKey.CreateKeyFile(options.SigningKeyPath);
        var current = SigningKey.Load(null, options.SigningKeyPath, createIfMissing: false)!.KeyId;
        output.WriteLine($"Signing key rotated: {retiring} is now the previous key, {current} signs. Restart identity.");
        return 0;
    }
}
