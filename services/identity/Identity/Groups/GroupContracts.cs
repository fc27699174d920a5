using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Tripmate.Identity.Users;
using Tripmate.ServiceDefaults.Text;

namespace Tripmate.Identity.Groups;

public sealed record CreateGroupRequest(
    [property: Required, StringLength(GroupLimits.Name, MinimumLength = 1), RegularExpression(UserLimits.VisibleText), SingleLine] string Name,
    [property: StringLength(GroupLimits.Description)] string? Description);

/// <summary>Fields left out (or null) stay as they are; an empty description clears it.</summary>
public sealed record UpdateGroupRequest(
    [property: StringLength(GroupLimits.Name, MinimumLength = 1), RegularExpression(UserLimits.VisibleText), SingleLine] string? Name,
    [property: StringLength(GroupLimits.Description)] string? Description);

public sealed record AddMemberRequest(
    [property: Required] Guid? UserId,
    [property: AllowedValues(null, GroupRoles.Member, GroupRoles.Admin)] string? Role);

public sealed record GroupListQuery
{
    /// <summary>Whose groups to list; only the caller's own (<c>me</c>) can be listed.</summary>
    [FromQuery(Name = "member"), Required, AllowedValues("me")]
    public string? Member { get; init; }
}

/// <param name="MyRole">The caller's role in the group.</param>
public sealed record GroupResponse(Guid Id, string Name, string? Description, Guid OwnerId, DateTimeOffset CreatedAt, string MyRole)
{
    public static GroupResponse From(Group group, string myRole) =>
        new(group.Id, group.Name, group.Description, group.OwnerId, group.CreatedAt, myRole);
}

public sealed record MemberResponse(Guid UserId, string DisplayName, string Role, DateTimeOffset JoinedAt);
