using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Tripmate.Testing;

/// <summary>An RFC 9457 problem-details body as every service answers it (ServiceDefaults' errors).</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, string? TraceId, Dictionary<string, string[]>? Errors);

/// <summary>What every test project checks of an error answer, in one place.</summary>
public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem-details answer with the given status, and returns it.</summary>
    public static async Task<Problem> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.TraceId), "Every problem carries a trace id.");
        return problem;
    }

    /// <summary>A 400 validation problem naming <paramref name="field"/> among the failing fields.</summary>
    public static async Task AssertValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors?.Keys.Any(key => key.Equals(field, StringComparison.OrdinalIgnoreCase)) == true,
            $"Expected an error for '{field}', got: {string.Join(", ", problem.Errors?.Keys.ToArray() ?? [])}");
    }
}
