using Tripmate.Load.Engine;
using Tripmate.Load.Http;

namespace Tripmate.Load.Tests;

/// <summary>A one-operation workload: GET a path with the tool's own HTTP client, as every scenario does.</summary>
public static class PlainGets
{
    public static Workload Of(HttpClient client, string path) =>
        new("get " + path, [new Operation("get", 1, (_, ct) => client.SendMeasuredAsync(LoadHttp.Request(HttpMethod.Get, path), ct))]);

    public static RunSettings Settings(string name, Uri target) => new(name, target.ToString(), TimeSpan.FromMilliseconds(10), Live: false, Quiet: true);
}
