using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tripmate.Gateway.Tests.Infrastructure;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Auth;

/// <summary>Two identity instances sharing a key directory (as pods mounting one Secret), social-graph behind the gateway and reached directly.</summary>
public sealed class RotationStack() : GatewayStack(identityInstances: 2)
{
    public string KeysDirectory { get; } = Directory.CreateTempSubdirectory("tripmate-rotation-keys-").FullName;

    public ServiceProcess SocialGraph { get; private set; } = null!;

    protected override void ConfigureIdentity(IDictionary<string, string> environment) =>
        environment["Identity__SigningKeysDirectory"] = KeysDirectory;

    protected override async Task StartBackendsAsync() =>
        SocialGraph = await StartServiceAsync(ServiceBuild.SocialGraph, "SocialGraph", "social-graph");

    protected override void ConfigureGateway(IDictionary<string, string?> settings) =>
        settings["ReverseProxy:Clusters:social-graph:Destinations:social-graph-0:Address"] = SocialGraph.BaseAddress.ToString();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await SocialGraph.DisposeAsync();
        Directory.Delete(KeysDirectory, recursive: true);
    }
}

/// <summary>
/// `rotate-signing-key` while clients keep signing in, refreshing and calling: not one valid token
/// is refused, at the gateway, at identity or at a service reached directly, before, during or
/// after the new key starts signing; nothing is restarted.
/// </summary>
public sealed class RotationUnderLoadTests(RotationStack stack) : IClassFixture<RotationStack>
{
    [Fact]
    public async Task Rotating_the_signing_key_under_load_refuses_no_valid_token()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => stack.NewUserAsync()));
        var oldKid = KidOf(users[0].AccessToken);
        var refused = new ConcurrentQueue<string>();
        var kidsUsed = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();

        var load = users.Select((user, i) => Task.Run(async () =>
        {
            var token = user.AccessToken;
            using var anonymous = stack.Anonymous();
            var calls = 0;
            while (!stop.IsCancellationRequested)
            {
                if (++calls % 5 == 0)
                {
                    var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
                    token = (await login.Content.ReadFromJsonAsync<TokenDto>())!.AccessToken;
                }

                kidsUsed.AddOrUpdate(KidOf(token)!, 1, (_, n) => n + 1);
                foreach (var (name, client, path) in new[]
                {
                    ("gateway → identity", stack.Anonymous(), "/api/users/me"),
                    ("gateway → social-graph", stack.Anonymous(), $"/api/relationships/{user.Id}/stats"),
                    ("social-graph directly", new HttpClient { BaseAddress = stack.SocialGraph.BaseAddress }, $"/api/relationships/{user.Id}/stats"),
                })
                {
                    using (client)
                    {
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        using var response = await client.GetAsync(path);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            refused.Enqueue($"{name} {(int)response.StatusCode} for a token of kid {KidOf(token)}: {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var rotation = await RotateAsync(prePublication: TimeSpan.FromSeconds(3));
        Assert.True(rotation.ExitCode == 0, rotation.Output);
        // Until every instance signs with the new key, and a while after.
        await Eventually.WaitForAsync(async () => KidOf((await stack.NewUserAsync()).AccessToken), kid => kid != oldKid,
            TimeSpan.FromSeconds(30), "the new key to sign");
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(refused.IsEmpty, $"{refused.Count} valid tokens refused:\n{string.Join("\n", refused.Take(10))}");
        Assert.True(kidsUsed.Count == 2, $"Tokens of both keys were used: {string.Join(", ", kidsUsed)}");
        Assert.All(kidsUsed.Values, calls => Assert.True(calls > 3));
    }

    /// <summary>The real command, as ./dev rotate-signing-key and a production job run it.</summary>
    private async Task<(int ExitCode, string Output)> RotateAsync(TimeSpan prePublication)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [ServiceBuild.Identity, "rotate-signing-key"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Identity__SigningKeysDirectory"] = stack.KeysDirectory;
        start.Environment["Identity__KeyPrePublication"] = prePublication.ToString();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static string? KidOf(string jwt)
    {
        var header = jwt.Split('.')[0];
        var json = Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/').PadRight((header.Length + 3) / 4 * 4, '='));
        return JsonDocument.Parse(json).RootElement.GetProperty("kid").GetString();
    }
}
