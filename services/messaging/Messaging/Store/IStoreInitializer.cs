namespace Tripmate.Messaging.Store;

/// <summary>Prepares the chosen store at start: creates what is missing and says which store is in use.</summary>
internal interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken ct);
}
