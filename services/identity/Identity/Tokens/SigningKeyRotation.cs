namespace Tripmate.Identity.Tokens;

/// <summary>
/// <c>dotnet Tripmate.Identity.dll rotate-signing-key</c> (<c>./dev rotate-signing-key</c> locally):
/// writes a new key into Identity:SigningKeysDirectory that starts signing after the
/// pre-publication window (<see cref="IssuingOptions.KeyPrePublication"/>), and deletes the files
/// of keys whose last token has expired. Running instances read the directory every few seconds:
/// they publish the new key at once, sign with it when its moment comes, and keep publishing the
/// old one until its tokens have expired. Nothing restarts.
/// </summary>
public static class SigningKeyRotation
{
    public const string Command = "rotate-signing-key";

    public static int Run(IConfiguration configuration, TextWriter output, TimeProvider? clock = null)
    {
        var options = configuration.GetSection(IssuingOptions.Section).Get<IssuingOptions>() ?? new IssuingOptions();
        if (string.IsNullOrWhiteSpace(options.SigningKeysDirectory))
        {
            output.WriteLine("Rotation writes into a key directory: set Identity:SigningKeysDirectory.");
            return 2;
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var directory = options.SigningKeysDirectory;
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(directory, "*.pem"))
        {
            if (SigningKeys.RetiredAt(directory, file, options.TokenLifetime) is { } retired && retired <= now)
            {
                File.Delete(file);
                output.WriteLine($"Deleted {Path.GetFileName(file)}: every token it signed has expired.");
            }
        }

        var activation = now + options.KeyPrePublication;
        var path = Path.Combine(directory, SigningKeys.FileNameFor(activation));
        SigningKey.CreateKeyFile(path);
        var kid = SigningKey.Load(null, path, createIfMissing: false)!.KeyId;
        output.WriteLine($"New signing key {kid}: published now, signs from {activation:u}; the keys before it stay published until their tokens expire. No restart needed.");
        return 0;
    }
}
