namespace Tripmate.Contracts.Caching;

/// <summary>
/// The data behind these tags changed: every cache drops what carries any of them. Any service
/// publishes it through its outbox, in the transaction of the change, so a change made without
/// going through the gateway (or whose answer was lost) still reaches the gateway's cache.
/// </summary>
/// <param name="Tags">Tags as services write them on their answers, e.g. <c>user:{id}</c>; GUIDs in "D" form.</param>
public sealed record CacheTagsInvalidated(IReadOnlyList<string> Tags) : IntegrationEvent;
