namespace Tripmate.Messaging.Notifications;

/// <summary>What a notification of a message shows of its text: the start of it (the same when made and when read).</summary>
public static class NotificationText
{
    public const int Length = 140;

    public static string Of(string text) =>
        text.Length <= Length ? text : string.Concat(text.AsSpan(0, Length - 1), "…");
}
