namespace Tripmate.SocialGraph.Tests.Store;

public abstract partial class GraphStoreContract
{
    [SkippableFact]
    public async Task Memberships_follow_the_group_version_and_a_removal_outlives_a_late_add()
    {
        await StartAsync();
        var user = (await NewUsersAsync(1))[0];
        var group = Guid.NewGuid();

        Assert.True(await Graph.ApplyMembershipAsync(group, user, 2, isMember: true, Ct));
        Assert.False(await Graph.ApplyMembershipAsync(group, user, 2, isMember: true, Ct)); // redelivered
        Assert.True(await Graph.ApplyMembershipAsync(group, user, 4, isMember: false, Ct));
        Assert.False(await Graph.ApplyMembershipAsync(group, user, 3, isMember: true, Ct)); // late add

        Assert.False(await Graph.IsMemberAsync(group, user, Ct));
        Assert.True(await Graph.ApplyMembershipAsync(group, user, 5, isMember: true, Ct));
        Assert.True(await Graph.IsMemberAsync(group, user, Ct));
    }

    [SkippableFact]
    public async Task A_deleted_group_has_no_members_whatever_arrives_later()
    {
        await StartAsync();
        var user = (await NewUsersAsync(1))[0];
        var group = Guid.NewGuid();
        await Graph.ApplyMembershipAsync(group, user, 2, isMember: true, Ct);

        await Graph.RemoveGroupAsync(group, Ct);

        Assert.False(await Graph.IsMemberAsync(group, user, Ct));
        Assert.False(await Graph.ApplyMembershipAsync(group, user, 9, isMember: true, Ct));
        Assert.False(await Graph.IsMemberAsync(group, user, Ct));
    }

    [SkippableFact]
    public async Task A_deleted_user_leaves_their_groups_and_is_not_brought_back_by_a_membership()
    {
        await StartAsync();
        var user = (await NewUsersAsync(1))[0];
        var group = Guid.NewGuid();
        await Graph.ApplyMembershipAsync(group, user, 2, isMember: true, Ct);

        await Graph.RemoveUserAsync(user, Ct);

        Assert.False(await Graph.IsMemberAsync(group, user, Ct));
        Assert.False(await Graph.ApplyMembershipAsync(group, user, 3, isMember: true, Ct));
        Assert.False(await Graph.UserExistsAsync(user, Ct));
    }
}
