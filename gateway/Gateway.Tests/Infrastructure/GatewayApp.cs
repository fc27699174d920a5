using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Infrastructure;

/// <summary>
/// One gateway instance in this process on real Kestrel, configured only through settings (the
/// same keys as its environment variables, with ':' for '__'). Fetches identity's keys through its
/// own <c>/.well-known</c> route, so any healthy identity instance answers.
/// </summary>
public sealed class GatewayApp : ServiceApp<Program>
{
    public GatewayApp(IReadOnlyDictionary<string, string?> settings)
    {
        With("Auth:Authority", BaseAddress.ToString().TrimEnd('/'));
        With("Auth:RequireHttpsMetadata", "false");
        foreach (var (key, value) in settings)
        {
            With(key, value);
        }
    }
}
