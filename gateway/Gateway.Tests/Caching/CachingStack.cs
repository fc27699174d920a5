using Tripmate.Gateway.Tests.Infrastructure;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>One identity instance behind one gateway with the configured cache.</summary>
public sealed class CachingStack() : GatewayStack(identityInstances: 1);
