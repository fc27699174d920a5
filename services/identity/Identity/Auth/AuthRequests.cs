using System.ComponentModel.DataAnnotations;
using Tripmate.Identity.Users;
using Tripmate.ServiceDefaults.Text;

namespace Tripmate.Identity.Auth;

public sealed record RegisterRequest(
    [property: Required, EmailWithDomain, StringLength(UserLimits.Email), SingleLine] string Email,
    [property: Required, StringLength(UserLimits.PasswordMax, MinimumLength = UserLimits.PasswordMin)] string Password,
    [property: Required, StringLength(UserLimits.DisplayName, MinimumLength = 1), RegularExpression(UserLimits.VisibleText), SingleLine] string DisplayName);

public sealed record LoginRequest(
    [property: Required, StringLength(UserLimits.Email)] string Email,
    [property: Required, StringLength(UserLimits.PasswordMax)] string Password);

/// <summary>The refresh token from the last login or refresh.</summary>
public sealed record RefreshRequest([property: Required, StringLength(UserLimits.RefreshToken, MinimumLength = 1)] string RefreshToken);
