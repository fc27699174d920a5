using MassTransit;
using Tripmate.Contracts.Identity;

namespace Tripmate.ServiceDefaults.Auth;

/// <summary>
/// Identity's revocations, on a queue of each instance (every instance keeps the list in memory,
/// so each must hear every event). Safe to redeliver or reorder: revoking is idempotent and final,
/// and ids are never reused.
/// </summary>
public sealed class RevocationConsumer(RevocationList revoked) : IConsumer<UserDeleted>, IConsumer<SignInsEnded>
{
    public Task Consume(ConsumeContext<UserDeleted> context)
    {
        revoked.RevokeSubject(context.Message.UserId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<SignInsEnded> context)
    {
        foreach (var signIn in context.Message.SignInIds)
        {
            revoked.RevokeSignIn(signIn);
        }

        return Task.CompletedTask;
    }
}
