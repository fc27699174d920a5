using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Tripmate.ServiceDefaults.Text;

namespace Tripmate.Identity.Users;

/// <summary>Fields left out (or null) stay as they are; an empty bio clears it.</summary>
public sealed record UpdateProfileRequest(
    [property: StringLength(UserLimits.DisplayName, MinimumLength = 1), RegularExpression(UserLimits.VisibleText), SingleLine] string? DisplayName,
    [property: StringLength(UserLimits.Bio)] string? Bio);

public sealed record ChangePasswordRequest(
    [property: Required, StringLength(UserLimits.PasswordMax)] string CurrentPassword,
    [property: Required, StringLength(UserLimits.PasswordMax, MinimumLength = UserLimits.PasswordMin)] string NewPassword);

public sealed record UserSearchQuery
{
    /// <summary>Display-name prefix, case ignored; at least two characters, so a search never lists everyone.</summary>
    [FromQuery(Name = "query"), Required, StringLength(UserLimits.DisplayName, MinimumLength = UserLimits.SearchMin)]
    public string? Query { get; init; }
}
