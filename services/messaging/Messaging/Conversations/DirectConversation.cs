using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tripmate.Messaging.Conversations;

/// <summary>
/// The id of the one direct conversation between two users: a hash of both ids in a fixed order,
/// so either side opening it gets the same conversation without a lookup table. Marked as an
/// RFC 9562 version-8 UUID, so it can never equal a group's id (identity makes version 7).
/// </summary>
public static class DirectConversation
{
    public static Guid IdFor(Guid oneUser, Guid otherUser)
    {
        var (first, second) = oneUser.CompareTo(otherUser) <= 0 ? (oneUser, otherUser) : (otherUser, oneUser);
        Span<byte> input = stackalloc byte[32];
        first.TryWriteBytes(input[..16], bigEndian: true, out _);
        second.TryWriteBytes(input[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>One of the two blocks the other (social-graph's UserBlocked): no new conversation, no message in an old one.</summary>
    public static ProblemHttpResult Blocked() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Blocked",
            detail: "One of you blocks the other: you cannot message each other.");
}
