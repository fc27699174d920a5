using Microsoft.AspNetCore.Http.HttpResults;
using Tripmate.Messaging.Attachments;
using Tripmate.Messaging.Conversations;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.Caching;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.ServiceDefaults.Paging;

namespace Tripmate.Messaging.Messages;

public static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessagesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var messages = endpoints.MapGroup("/api/conversations/{id:guid}/messages").RequireAuthorization()
            .WithTags("Messages").WithStandardProblems().ProducesProblem(StatusCodes.Status404NotFound);
        messages.MapPost("/", SendAsync).WithName("SendMessage")
            .WithSummary("Send a message; a retry with the same Idempotency-Key returns the first result.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        messages.MapGet("/", ListAsync).WithName("ListMessages").WithSummary("Messages, newest first.")
            .CacheAnswer(CacheScope.Private, ConversationCaching.MaxAge);
        messages.MapGet("/{messageId:guid}", GetAsync).WithName("GetMessage").WithSummary("One message.")
            .CacheAnswer(CacheScope.Private, ConversationCaching.MaxAge);
        messages.MapPatch("/{messageId:guid}", MessageChanges.EditAsync).WithName("EditMessage").WithSummary("Change a message's text (its sender only).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        messages.MapDelete("/{messageId:guid}", MessageChanges.DeleteAsync).WithName("DeleteMessage")
            .WithSummary("Delete a message (its sender only); it then reads as deleted.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    private static async Task<Results<Created<MessageResponse>, NotFound, ProblemHttpResult>> SendAsync(
        Guid id, SendMessageRequest request, [AsParameters] IdempotencyHeader idempotency, HttpContext http,
        IConversationStore conversations, IBlockDirectory blocks, MessageSender sender, AttachmentCheck attachmentCheck, CancellationToken cancellationToken)
    {
        var idempotencyKey = idempotency.Validated();
        var callerId = http.User.GetUserId();
        // The member list is needed for the send (inbox rows), so it is the membership check too: one read less per message.
        var memberIds = await conversations.GetMemberIdsAsync(id, cancellationToken);
        if (!memberIds.Contains(callerId) || await conversations.FindAsync(id, cancellationToken) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        if (conversation.ClosedAt is not null)
        {
            return ConversationAccess.Closed();
        }

        if (conversation.Kind == ConversationKind.Direct && memberIds.FirstOrDefault(m => m != callerId) is var otherId
            && otherId != Guid.Empty && await blocks.IsBlockedEitherWayAsync(callerId, otherId, cancellationToken))
        {
            return DirectConversation.Blocked();
        }

        var attachments = (request.AttachmentFileIds ?? []).Distinct().ToList();
        if (attachments.Count > 0)
        {
            IReadOnlyList<Guid> unreadable;
            try
            {
                unreadable = await attachmentCheck.UnreadableAsync(attachments,
                    System.Net.Http.Headers.AuthenticationHeaderValue.Parse(http.Request.Headers.Authorization.ToString()), cancellationToken);
            }
            catch (FilesUnavailableException e)
            {
                http.Response.Headers.RetryAfter = StoreOutages.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Attachments cannot be checked", detail: e.Message);
            }

            if (unreadable.Count > 0)
            {
                throw new RequestValidationException("attachmentFileIds",
                    $"Attach only files you may read; these are not: {string.Join(", ", unreadable)}.");
            }
        }

        // Committed with the message: every member's cached pages are evicted, the sender's before this answer.
        var invalidated = http.InvalidateCacheTags(ConversationCaching.Messages(id));
        var message = await sender.SendAsync(id, callerId, memberIds, request.Text!.Trim(),
            attachments, idempotencyKey, [invalidated], cancellationToken);
        return TypedResults.Created($"/api/conversations/{id}/messages/{message.Id}", MessageResponse.From(message));
    }

    private static async Task<Results<Ok<Page<MessageResponse>>, NotFound>> ListAsync(
        Guid id, [AsParameters] PageQuery page, HttpContext http, IConversationStore conversations, IMessageStore messages,
        CancellationToken cancellationToken)
    {
        // Bound to this conversation: another conversation's (or list's) cursor is a 400.
        var after = page.After<MessagePosition>(id.ToString(), MessagePosition.IsValid);
        if (!await conversations.IsMemberAsync(id, http.User.GetUserId(), cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var found = await messages.ReadAsync(id, after, page.Size, cancellationToken);
        http.TagAnswer([.. ConversationCaching.Access(id), ConversationCaching.Messages(id)]);
        return TypedResults.Ok(Page.From(found, MessageResponse.From, id.ToString()));
    }

    private static async Task<Results<Ok<MessageResponse>, NotFound>> GetAsync(
        Guid id, Guid messageId, HttpContext http, IConversationStore conversations, IMessageStore messages, CancellationToken cancellationToken)
    {
        var message = await MessageChanges.FindAsync(id, messageId, http.User.GetUserId(), conversations, messages, cancellationToken);
        http.TagAnswer([.. ConversationCaching.Access(id), ConversationCaching.Message(messageId)]);
        return message is null ? TypedResults.NotFound() : TypedResults.Ok(MessageResponse.From(message));
    }
}
