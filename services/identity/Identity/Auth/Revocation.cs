namespace Tripmate.Identity.Auth;

/// <summary>
/// A validly signed access token that must be refused anyway, for as long as such a token can
/// live: every token of a deleted account (<see cref="Subject"/>), or of an ended sign-in
/// (<see cref="SignIn"/>, the refresh token family its <c>sid</c> names). Identity's list is the
/// one every service copies (events, and <c>/internal/revocations</c> for what they missed).
/// </summary>
public sealed class Revocation
{
    public const string Subject = "sub";
    public const string SignIn = "sid";

    public required string Kind { get; init; }

    public Guid Id { get; init; }

    /// <summary>When the last token it names has expired: then the entry can go.</summary>
    public DateTimeOffset Until { get; set; }
}
