using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Tripmate.Identity.Users;

/// <summary>Fields left out (or null) stay as they are; an empty bio clears it.</summary>
public sealed record UpdateProfileRequest(
    [property: StringLength(UserLimits.DisplayName, MinimumLength = 1), RegularExpression(UserLimits.VisibleText)] string? DisplayName,
    [property: StringLength(UserLimits.Bio)] string? Bio);

public sealed record UserSearchQuery
{
    /// <summary>Display-name prefix, case ignored. Empty lists everyone.</summary>
    [FromQuery(Name = "query"), StringLength(UserLimits.DisplayName)]
    public string? Query { get; init; }
}
