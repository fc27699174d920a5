using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tripmate.ServiceDefaults.OpenApi;

/// <summary>
/// Strings are read through the control-character converter (Text/MultiLineTextConverter), and a
/// custom converter leaves the generator without a type (<c>{}</c>): say "string" again, with
/// "null" where the property is nullable.
/// </summary>
internal sealed class StringSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = IsNullable(context) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(OpenApiSchemaTransformerContext context) =>
        context.JsonPropertyInfo?.AttributeProvider switch
        {
            PropertyInfo property => Nullability.Create(property).ReadState == NullabilityState.Nullable,
            _ => false,
        };
}
