using System.ComponentModel.DataAnnotations;
using Tripmate.Identity.Users;

namespace Tripmate.Identity.Auth;

public sealed record RegisterRequest(
    [property: Required, EmailAddress, StringLength(UserLimits.Email)] string Email,
    [property: Required, StringLength(UserLimits.PasswordMax, MinimumLength = UserLimits.PasswordMin)] string Password,
    [property: Required, StringLength(UserLimits.DisplayName, MinimumLength = 1), RegularExpression(UserLimits.VisibleText)] string DisplayName);

public sealed record LoginRequest(
    [property: Required, StringLength(UserLimits.Email)] string Email,
    [property: Required, StringLength(UserLimits.PasswordMax)] string Password);
