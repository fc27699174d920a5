using Microsoft.EntityFrameworkCore;
using Tripmate.Identity.Auth;
using Tripmate.Identity.Groups;
using Tripmate.Identity.Users;
using Tripmate.Outbox.EntityFrameworkCore;

namespace Tripmate.Identity.Store;

public sealed class IdentityDbContext : DbContext
{
    public IdentityDbContext(DbContextOptions<IdentityDbContext> options)
        : base(options) =>
        // EF wraps each SaveChanges inside an explicit transaction in a savepoint (two more round
        // trips per write) so the transaction could go on after a failed save; no handler here
        // does, it answers (a 409, a 401) and the transaction is rolled back.
        Database.AutoSavepointsEnabled = false;

    public DbSet<User> Users => Set<User>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Revocation> Revocations => Set<Revocation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.Property(u => u.Email).HasMaxLength(UserLimits.Email);
            user.Property(u => u.NormalizedEmail).HasMaxLength(UserLimits.Email);
            user.HasIndex(u => u.NormalizedEmail).IsUnique();
            user.Property(u => u.DisplayName).HasMaxLength(UserLimits.DisplayName);
            // Byte-order collation: prefix LIKE, keyset comparison and ORDER BY then all use one plain index.
            user.Property(u => u.SearchName).HasMaxLength(UserLimits.DisplayName).UseCollation("C");
            user.HasIndex(u => new { u.SearchName, u.Id });
            user.Property(u => u.Bio).HasMaxLength(UserLimits.Bio);
        });

        modelBuilder.Entity<Group>(group =>
        {
            group.Property(g => g.Name).HasMaxLength(GroupLimits.Name);
            group.Property(g => g.Description).HasMaxLength(GroupLimits.Description);
            group.HasIndex(g => g.OwnerId);
            group.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<GroupMember>(member =>
        {
            member.HasKey(m => new { m.GroupId, m.UserId });
            member.Property(m => m.Role).HasMaxLength(16);
            member.HasIndex(m => new { m.UserId, m.GroupId });
            member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            member.ToTable(t => t.HasCheckConstraint("ck_group_members_role", "role IN ('owner', 'admin', 'member')"));
        });

        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.FamilyId);
            token.HasIndex(t => t.UserId);
            // Deleting an account ends its sign-ins with it.
            token.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Revocation>(revocation =>
        {
            revocation.HasKey(r => new { r.Kind, r.Id });
            revocation.Property(r => r.Kind).HasMaxLength(3);
            revocation.HasIndex(r => r.Until);
        });

        modelBuilder.AddOutbox();
    }
}
