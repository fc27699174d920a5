namespace Tripmate.Load.Engine;

/// <summary>One kind of request in a workload, picked for an iteration in proportion to its weight.</summary>
/// <param name="Run">Gets the iteration's index (for data feeds) and the run's cancellation.</param>
public sealed record Operation(string Name, double Weight, Func<long, CancellationToken, Task<Outcome>> Run);
