using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.Messaging.Store;
using Tripmate.Contracts.Identity;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Conversations;

public static class ConversationsEndpoints
{

    public static IEndpointRouteBuilder MapConversationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var conversations = endpoints.MapGroup("/api/conversations").RequireAuthorization().WithTags("Conversations").WithStandardProblems();
        conversations.MapPost("/direct", OpenDirectAsync).WithName("OpenDirectConversation")
            .WithSummary("The one direct conversation between the caller and another user (the same from either side); 403 across a block.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        conversations.MapGet("/", ListMineAsync).WithName("ListMyConversations")
            .WithSummary("The caller's conversations, latest activity first, with last message and unread count.")
            .NoStore(); // changes with every message in any of them
        conversations.MapGet("/{id:guid}", GetAsync).WithName("GetConversation").WithSummary("A conversation the caller is a member of.")
            .CacheAnswer(CacheScope.Private, ConversationCaching.MaxAge);
        conversations.MapPost("/{id:guid}/read", MarkReadAsync).WithName("MarkConversationRead")
            .WithSummary("Sets the caller's unread count in this conversation to zero.");
        return endpoints;
    }

    private static async Task<Results<Ok<ConversationResponse>, NotFound, ProblemHttpResult>> OpenDirectAsync(
        OpenDirectConversationRequest request, HttpContext http, IConversationStore conversations, IUserDirectory users,
        IBlockDirectory blocks, CancellationToken cancellationToken)
    {
        var callerId = http.User.GetUserId();
        var otherId = request.UserId!.Value;
        if (otherId == callerId || otherId == Guid.Empty)
        {
            throw new RequestValidationException("userId", "A direct conversation needs another user than yourself.");
        }

        // Only with someone who exists (not a group's id, not a deleted account), as identity's events tell.
        if (!await users.ExistsAsync(otherId, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found", detail: $"No user has the id {otherId}.");
        }

        if (await blocks.IsBlockedEitherWayAsync(callerId, otherId, cancellationToken))
        {
            return DirectConversation.Blocked();
        }

        var id = DirectConversation.IdFor(callerId, otherId);
        var conversation = await conversations.EnsureAsync(
            new Conversation(id, ConversationKind.Direct, GroupId: null, Title: null, DateTimeOffset.UtcNow), [callerId, otherId],
            cancellationToken);
        var memberIds = await conversations.GetMemberIdsAsync(id, cancellationToken);

        // An existing conversation keeps its members: one whose account was deleted is not let back in.
        return memberIds.Contains(callerId) ? TypedResults.Ok(ConversationResponse.From(conversation, memberIds)) : TypedResults.NotFound();
    }

    private static async Task<Ok<Page<ConversationSummary>>> ListMineAsync(
        [AsParameters] PageQuery page, HttpContext http, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var inbox = await conversations.GetInboxAsync(http.User.GetUserId(), page.After<InboxPosition>(), page.Size, cancellationToken);
        return TypedResults.Ok(Page.From(inbox, ConversationSummary.From));
    }

    private static async Task<Results<Ok<ConversationResponse>, NotFound>> GetAsync(
        Guid id, HttpContext http, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindForMemberAsync(id, http.User.GetUserId(), cancellationToken);
        if (conversation is null)
        {
            return TypedResults.NotFound();
        }

        var directMemberIds = conversation.Kind == ConversationKind.Direct ? await conversations.GetMemberIdsAsync(id, cancellationToken) : [];
        // A direct conversation lists its two members: an account deleted at identity changes it.
        http.TagAnswer([.. ConversationCaching.Access(id), .. directMemberIds.Select(IdentityCacheTags.User)]);
        return TypedResults.Ok(ConversationResponse.From(conversation, directMemberIds));
    }

    private static async Task<Results<NoContent, NotFound>> MarkReadAsync(
        Guid id, HttpContext http, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var callerId = http.User.GetUserId();
        if (!await conversations.IsMemberAsync(id, callerId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        await conversations.MarkReadAsync(id, callerId, cancellationToken);
        return TypedResults.NoContent();
    }
}
