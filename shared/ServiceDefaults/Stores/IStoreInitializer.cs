namespace Tripmate.ServiceDefaults.Stores;

/// <summary>
/// Prepares a service's chosen store at start, before it takes traffic: creates what is missing
/// (tables, keyspace, constraints; idempotent) and says which store is in use.
/// </summary>
public interface IStoreInitializer
{
    Task InitializeAsync(CancellationToken ct);
}
