using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Tripmate.Identity.Tokens;

/// <summary>
/// The keys identity signs with and publishes, decided by time so every instance agrees without
/// talking to the others (a key ring). A key in <see cref="IssuingOptions.SigningKeysDirectory"/>
/// named <c>yyyyMMddTHHmmssZ.pem</c> signs from that moment; any other key (that directory's
/// other files, <see cref="IssuingOptions.SigningKeyPath"/> or the inline PEM) signs from the
/// start. At any time: the newest key whose moment has come signs; keys whose moment is still
/// ahead are already published (the pre-publication window, so every validator knows a key
/// before the first token it signs); an older key stays published until the last token it signed
/// has expired (its successor's moment plus the token lifetime and clock skew). The directory is
/// read again every few seconds, so a rotation needs no restart.
/// </summary>
public sealed class SigningKeys
{
    /// <summary>How often the directory is looked at (listing only; a key file is parsed when it changes).</summary>
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(2);

    /// <summary>Validators accept this much clock skew (AddDefaultAuthentication), so a retired key stays that much longer.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private const string ActivationFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly IssuingOptions _options;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<RingKey> _fixed;
    private readonly Lock _lock = new();
    private IReadOnlyList<RingKey> _ring;
    private Dictionary<string, (DateTime Written, RingKey Key)> _loaded = [];
    private DateTimeOffset _scannedAt;

    public SigningKeys(IOptions<IssuingOptions> options, TimeProvider clock)
    {
        (_options, _clock) = (options.Value, clock);
        var configured = SigningKey.Load(_options.SigningKeyPem, _options.SigningKeyPath, _options.CreateSigningKeyIfMissing);
        _fixed = configured is null ? [] : [new RingKey(configured, DateTimeOffset.MinValue)];
        if (_options.SigningKeysDirectory is { } directory && _options.CreateSigningKeyIfMissing && configured is null)
        {
            Directory.CreateDirectory(directory);
            if (!Directory.EnumerateFiles(directory, "*.pem").Any())
            {
                SigningKey.CreateKeyFile(Path.Combine(directory, "initial.pem"));
            }
        }

        _ring = Scan();
        if (_ring.Count == 0)
        {
            throw new InvalidOperationException("Identity:SigningKeysDirectory, Identity:SigningKeyPath or Identity:SigningKeyPem must hold a key.");
        }
    }

    /// <summary>The key that signs now.</summary>
    public SigningKey Current => Signing(Ring(), _clock.GetUtcNow()).Key;

    /// <summary>Every key a token in use may carry, and every key about to sign.</summary>
    public IReadOnlyList<SigningKey> Published
    {
        get
        {
            var ring = Ring();
            var now = _clock.GetUtcNow();
            var signing = Signing(ring, now);
            return [.. ring.Where(k => k == signing || k.ActiveFrom > now || (k.ActiveFrom < signing.ActiveFrom && RetiresAt(ring, k) > now))
                .OrderByDescending(k => k.ActiveFrom).Select(k => k.Key)];
        }
    }

    public IEnumerable<SecurityKey> VerificationKeys => Published.Select(key => (SecurityKey)key.SecurityKey);

    /// <summary>The file name of a key that starts signing at <paramref name="at"/>.</summary>
    public static string FileNameFor(DateTimeOffset at) => at.UtcDateTime.ToString(ActivationFormat, CultureInfo.InvariantCulture) + ".pem";

    /// <summary>When a key of the directory stops being published: files of retired keys may be deleted.</summary>
    public static DateTimeOffset? RetiredAt(string directory, string file, TimeSpan tokenLifetime)
    {
        var moments = Directory.EnumerateFiles(directory, "*.pem").Select(ActivationOf).Order().ToList();
        var own = ActivationOf(file);
        var successor = moments.FirstOrDefault(m => m > own, DateTimeOffset.MaxValue);
        return successor == DateTimeOffset.MaxValue ? null : successor + tokenLifetime + ClockSkew;
    }

    private static RingKey Signing(IReadOnlyList<RingKey> ring, DateTimeOffset now) =>
        ring.Where(k => k.ActiveFrom <= now).MaxBy(k => k.ActiveFrom)
        ?? ring.MinBy(k => k.ActiveFrom)!; // only keys ahead: the earliest signs (a fresh ring never waits)

    private DateTimeOffset RetiresAt(IReadOnlyList<RingKey> ring, RingKey key)
    {
        var successor = ring.Where(k => k.ActiveFrom > key.ActiveFrom).Select(k => k.ActiveFrom).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        return successor == DateTimeOffset.MaxValue ? DateTimeOffset.MaxValue : successor + _options.TokenLifetime + ClockSkew;
    }

    private IReadOnlyList<RingKey> Ring()
    {
        if (_options.SigningKeysDirectory is null || _clock.GetUtcNow() - _scannedAt < ReloadInterval)
        {
            return _ring;
        }

        lock (_lock)
        {
            if (_clock.GetUtcNow() - _scannedAt >= ReloadInterval)
            {
                _ring = Scan();
            }

            return _ring;
        }
    }

    private IReadOnlyList<RingKey> Scan()
    {
        _scannedAt = _clock.GetUtcNow();
        if (_options.SigningKeysDirectory is not { } directory || !Directory.Exists(directory))
        {
            return _ring is { Count: > 0 } known && _options.SigningKeysDirectory is not null ? known : _fixed;
        }

        var loaded = new Dictionary<string, (DateTime Written, RingKey Key)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.pem"))
        {
            var written = File.GetLastWriteTimeUtc(file);
            if (_loaded.TryGetValue(file, out var known) && known.Written == written)
            {
                loaded[file] = known;
                continue;
            }

            try
            {
                loaded[file] = (written, new RingKey(SigningKey.Load(null, file, createIfMissing: false)!, ActivationOf(file)));
            }
            catch (Exception e) when (e is IOException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                // A file being written is read at the next scan.
            }
        }

        _loaded = loaded;
        // One key under two names (copied, then renamed) is one ring entry: the earlier moment counts.
        return [.. _fixed.Concat(loaded.Values.Select(v => v.Key)).GroupBy(k => k.Key.KeyId).Select(g => g.MinBy(k => k.ActiveFrom)!)];
    }

    private static DateTimeOffset ActivationOf(string file) =>
        DateTimeOffset.TryParseExact(Path.GetFileNameWithoutExtension(file), ActivationFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : DateTimeOffset.MinValue;

    private sealed record RingKey(SigningKey Key, DateTimeOffset ActiveFrom);
}
