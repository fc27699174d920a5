using System.Net;
using System.Net.Sockets;

namespace Tripmate.Testing;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now (the OS picks it, so parallel tests don't collide).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
