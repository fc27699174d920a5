using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tripmate.ServiceDefaults.OpenApi;

/// <summary>
/// The generator marks every constructor parameter of a record as required, so optional request
/// fields (<c>bio</c>, <c>role</c>) looked mandatory. A property is required when it carries
/// [Required] or cannot be null; a nullable one may be left out (requests) or be null (answers).
/// </summary>
internal sealed class RequiredPropertiesTransformer : IOpenApiSchemaTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || context.JsonPropertyInfo is not null || schema.Required is null)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is PropertyInfo info
                && info.GetCustomAttribute<RequiredAttribute>() is null
                && IsNullable(info))
            {
                schema.Required.Remove(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.Nullable);
}
