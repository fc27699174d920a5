using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tripmate.ServiceDefaults.Errors;
using Tripmate.ServiceDefaults.OpenApi;
using Tripmate.Testing;

namespace Tripmate.Gateway.Tests.Fuzz;

/// <summary>
/// The fuzzer is only worth its green if it goes red: against a small service with planted bugs
/// (a 500 on a negative count, an undocumented 418 on zero) it must report both.
/// </summary>
public sealed class FuzzerSelfTests
{
    public sealed record PlantedRequest(int Count, string? Note);

    public sealed record PlantedAnswer(int Count);

    [Fact]
    public async Task The_fuzzer_reports_a_planted_server_error_and_an_undocumented_status()
    {
        await using var app = await StartPlantedServiceAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var document = new ApiDocument("planted", JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject());
        var callers = new FuzzCallers(client, client, client, client, () => Task.FromResult(client));
        var fuzzer = new OpenApiFuzzer(document, callers, new Random(1), [Guid.NewGuid()]);

        var findings = await fuzzer.RunAsync(document.Operations.Single(), cases: 300);

        Assert.Contains(findings, f => f.Contains("server error 500", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("status 418 is not documented", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("body does not match", StringComparison.Ordinal));
    }

    private static async Task<WebApplication> StartPlantedServiceAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        builder.Logging.ClearProviders();
        builder.Services.AddDefaultProblemDetails();
        builder.Services.AddDefaultOpenApi();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapPost("/api/planted", IResult (PlantedRequest request) => request.Count switch
            {
                < 0 => throw new InvalidOperationException("Planted bug: a negative count."),
                0 => TypedResults.StatusCode(StatusCodes.Status418ImATeapot),
                _ => TypedResults.Ok(new PlantedAnswer(request.Count)),
            })
            .Produces<PlantedAnswer>()
            .AllowAnonymous();
        await app.StartAsync();
        return app;
    }
}
