using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tripmate.ServiceDefaults.OpenApi;

/// <summary>
/// Makes each operation say what it really answers: the bearer token only where the route needs
/// one, and the problem answers any route can give whatever its handler does (from the framework,
/// the service defaults and the gateway in front), each with its problem schema.
/// </summary>
public sealed class StandardResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var anonymous = description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        var hasBody = description.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Form");
        var hasInput = description.ParameterDescriptions.Count > 0;
        var hasPathParameters = description.ParameterDescriptions.Any(p => p.Source.Id == "Path");

        // An anonymous operation says so with one empty requirement ("nothing needed"), so linters
        // see security declared on every operation rather than forgotten.
        operation.Security = anonymous
            ? [new OpenApiSecurityRequirement()]
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, context.Document)] = [] }];

        operation.Responses ??= new OpenApiResponses();
        if (hasInput)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, "The request is not valid.", validation: true);
        }

        if (!anonymous)
        {
            Add(operation, context, StatusCodes.Status401Unauthorized, "No valid access token.");
        }

        if (hasPathParameters)
        {
            Add(operation, context, StatusCodes.Status404NotFound, "Not found, or not visible to the caller.");
        }

        if (hasBody)
        {
            Add(operation, context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
            Add(operation, context, StatusCodes.Status415UnsupportedMediaType, "The request body is not JSON in UTF-8.");
        }

        // Kestrel's own answer, empty, before any code runs (a request line over its limit).
        Add(operation, context, StatusCodes.Status414UriTooLong, "The URL is too long.");
        Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests; see Retry-After.");
        Add(operation, context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large.");
        Add(operation, context, StatusCodes.Status500InternalServerError, "An unexpected error; the answer carries only a trace id.");
        Add(operation, context, StatusCodes.Status502BadGateway, "The gateway got no valid answer from the service.");
        Add(operation, context, StatusCodes.Status503ServiceUnavailable, "The service or a store it needs is unavailable; see Retry-After.");
        Add(operation, context, StatusCodes.Status504GatewayTimeout, "The service did not answer in time.");

        // A handler's own 4xx (e.g. TypedResults.NotFound()) is documented without a body, but the
        // service answers it as problem details.
        foreach (var (key, response) in operation.Responses.ToList())
        {
            if (int.TryParse(key, out var status) && status >= 400 && response.Content is not { Count: > 0 })
            {
                Add(operation, context, status, response.Description ?? "");
            }
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, bool validation = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing.Content?.Count > 0)
        {
            return;
        }

        var schema = validation ? "HttpValidationProblemDetails" : "ProblemDetails";
        operation.Responses[key] = new OpenApiResponse
        {
            Description = existing?.Description is { Length: > 0 } known ? known : description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
    }
}
