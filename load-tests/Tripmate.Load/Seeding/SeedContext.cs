using Tripmate.Load.Http;

namespace Tripmate.Load.Seeding;

/// <summary>What every seeding step shares: the gateway, the plan, the journal, signed-in users.</summary>
public sealed record SeedContext(HttpClient Gateway, SeedPlan Plan, SeedJournal Journal, SignIns SignIns, int Concurrency)
{
    public Task<(Guid Id, string Token)> TokenOfAsync(int user) => SignIns.ForAsync(Plan.Users[user].Email);

    public Guid IdOf(int user) => Journal.Users.TryGetValue(user, out var id)
        ? id
        : throw new InvalidOperationException($"User {user} was not registered.");

    public Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, body);
}
