namespace Tripmate.SocialGraph.Store;

/// <summary>Prepares the chosen store at start (tables, constraints, indexes; idempotent) and says which store is in use.</summary>
internal interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken ct);
}
