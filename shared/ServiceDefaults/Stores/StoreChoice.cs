using Microsoft.Extensions.Configuration;

namespace Tripmate.ServiceDefaults.Stores;

/// <summary>
/// Which store a service runs on is always said, never guessed from which settings happen to be
/// present: a production instance missing its database settings must not quietly run on a local
/// file. Development gets <c>Embedded</c> from its appsettings.Development.json, ./dev and the
/// tests set it, deployments name their real store.
/// </summary>
public static class StoreChoice
{
    /// <summary>The value of <c>{section}:Store</c>.</summary>
    /// <exception cref="InvalidOperationException">It is missing or names no store of <typeparamref name="TStore"/>: the service does not start.</exception>
    public static TStore Read<TStore>(IConfiguration configuration, string section) where TStore : struct, Enum
    {
        var key = $"{section}:Store";
        var choices = string.Join(" or ", Enum.GetNames<TStore>());
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{key} is not set: choose the store explicitly, {choices} (environment variable {section}__Store).");
        }

        return Enum.TryParse<TStore>(value, ignoreCase: true, out var store) && Enum.IsDefined(store) && !int.TryParse(value, out _)
            ? store
            : throw new InvalidOperationException($"{key} is '{value}', which is not a store: choose {choices}.");
    }
}
