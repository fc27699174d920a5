using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tripmate.ServiceDefaults.OpenApi;

public static class ProblemResponsesExtensions
{
    /// <summary>
    /// Documents the problem answers every authenticated route can give (400 validation, 401,
    /// 500), so clients generated from the OpenAPI document know the error shape.
    /// </summary>
    public static TBuilder WithStandardProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
