using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Tripmate.ServiceDefaults.OpenApi;

public static class ProblemResponsesExtensions
{
    /// <summary>
    /// The service's OpenAPI document as every service describes itself: bearer scheme, anonymous
    /// routes marked anonymous, and every problem answer a route can give documented with its shape.
    /// </summary>
    public static IServiceCollection AddDefaultOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<StandardResponsesTransformer>();
            options.AddSchemaTransformer<StringSchemaTransformer>();
            options.AddSchemaTransformer<RequiredPropertiesTransformer>();
        });

    /// <summary>
    /// The problem answers every authenticated route can give (400 validation, 401, 500) as endpoint
    /// metadata; <see cref="StandardResponsesTransformer"/> documents the rest.
    /// </summary>
    public static TBuilder WithStandardProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
