using Tripmate.Gateway.Caching;

namespace Tripmate.Gateway.Tests.Caching;

/// <summary>The templates that decide what is cached: a wrong match would cache /api/users/me for everyone.</summary>
public sealed class PathTemplateTests
{
    private const string Id = "0f8fad5b-d9cb-469f-a165-70867728950e";

    [Theory]
    [InlineData("/api/users/{id:guid}", "/api/users/" + Id, true)]
    [InlineData("/api/users/{id:guid}", "/API/Users/" + Id + "/", true)]
    [InlineData("/api/users/{id:guid}", "/api/users/me", false)]
    [InlineData("/api/users/{id:guid}", "/api/users/" + Id + "/groups", false)]
    [InlineData("/api/users/{id:guid}", "/api/users", false)]
    [InlineData("/api/groups/{id:guid}/members", "/api/groups/" + Id + "/members", true)]
    [InlineData("/api/groups/{id:guid}/members", "/api/groups/" + Id, false)]
    [InlineData("/api/groups/{id:guid}/{*rest}", "/api/groups/" + Id, true)]
    [InlineData("/api/groups/{id:guid}/{*rest}", "/api/groups/" + Id + "/members/" + Id, true)]
    [InlineData("/api/groups/{id:guid}/{*rest}", "/api/groups", false)]
    [InlineData("/api/files/{id}", "/api/files/x", true)]
    [InlineData("/api/files/{id}", "/api/files//", false)]
    public void Matches_only_what_it_names(string template, string path, bool matches)
    {
        var values = new RouteValueRanges();

        Assert.Equal(matches, PathTemplate.Parse(template).TryMatch(path, ref values));
    }

    [Fact]
    public void Tags_take_lower_cased_values_from_the_path()
    {
        var template = PathTemplate.Parse("/api/groups/{id:guid}/members");
        var path = "/api/groups/" + Id.ToUpperInvariant() + "/members";
        var values = new RouteValueRanges();
        Assert.True(template.TryMatch(path, ref values));

        Assert.Equal($"group:{Id}:members", new TagTemplate("group:{id}:members", template.ParameterNames).Format(path, values));
    }

    [Theory]
    [InlineData("api/users")]
    [InlineData("/api/{*rest}/more")]
    [InlineData("/api/{id:int}")]
    public void Rejects_templates_it_cannot_match_faithfully(string template) =>
        Assert.Throws<FormatException>(() => PathTemplate.Parse(template));

    [Fact]
    public void Rejects_a_tag_naming_a_value_the_path_does_not_have() =>
        Assert.Throws<FormatException>(() => new TagTemplate("group:{groupId}", PathTemplate.Parse("/api/groups/{id}").ParameterNames));
}
