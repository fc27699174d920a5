namespace Tripmate.Load.Engine;

/// <summary>
/// What one request of an iteration ended with. <see cref="Ok"/> is the scenario's judgement (a 409
/// may be fine for a seeder, not for a load run); exceptions are caught and counted by the runner.
/// Bytes are the bodies sent and received (headers are not counted).
/// </summary>
public readonly record struct Outcome(int Status, bool Ok, long BytesIn, long BytesOut);
