using MassTransit;
using Tripmate.Contracts.Identity;

namespace Tripmate.Gateway.Auth;

/// <summary>
/// A deleted account's tokens are refused from the moment its <c>UserDeleted</c> arrives. On a queue
/// of each instance (every instance must know); safe to redeliver or reorder: revoking is idempotent
/// and final, and user ids are never reused.
/// </summary>
public sealed class RevokedSubjectsConsumer(RevokedSubjects revoked) : IConsumer<UserDeleted>
{
    public Task Consume(ConsumeContext<UserDeleted> context) => revoked.RevokeAsync(context.Message.UserId);
}
