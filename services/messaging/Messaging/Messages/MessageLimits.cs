namespace Tripmate.Messaging.Messages;

public static class MessageLimits
{
    /// <summary>Characters of a message's text, counted after trimming.</summary>
    public const int Text = 4000;

    public const int Attachments = 10;

    /// <summary>Visible ASCII only: the key is stored with the message and compared byte for byte.</summary>
    public const int IdempotencyKey = 100;

    public const string IdempotencyKeyPattern = @"^[\x21-\x7E]+$";
}
