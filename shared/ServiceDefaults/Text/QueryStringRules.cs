using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Tripmate.ServiceDefaults.Errors;

namespace Tripmate.ServiceDefaults.Text;

/// <summary>
/// Two rules for every query string, before binding: a parameter given empty (<c>?limit=</c>) is
/// the same as one not given, and no value may hold a control character (the one rule of
/// <see cref="ControlCharacters"/>, single-line: a query value is never multi-line text).
/// </summary>
internal sealed class QueryStringRules(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.Count == 0)
        {
            return next(context);
        }

        var kept = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var changed = false;
        foreach (var (name, values) in query)
        {
            if (!ControlCharacters.AreAllowed(name, multiLine: false))
            {
                throw new RequestValidationException("query", $"A query parameter name {ControlCharacters.SingleLineMessage}");
            }

            var nonEmpty = values.Where(value => !string.IsNullOrEmpty(value)).ToArray();
            foreach (var value in nonEmpty)
            {
                if (!ControlCharacters.AreAllowed(value, multiLine: false))
                {
                    throw new RequestValidationException(name, $"{name} {ControlCharacters.SingleLineMessage}");
                }
            }

            changed |= nonEmpty.Length != values.Count;
            if (nonEmpty.Length > 0)
            {
                kept[name] = new StringValues(nonEmpty);
            }
        }

        if (changed)
        {
            context.Request.Query = new QueryCollection(kept);
        }

        return next(context);
    }
}
