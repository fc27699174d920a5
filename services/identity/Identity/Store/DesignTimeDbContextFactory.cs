using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tripmate.Identity.Store;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the service or reaching a
/// database: generating a migration needs only the model.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>()
            .UseNpgsql("Host=localhost;Database=identity_design")
            .UseSnakeCaseNamingConvention()
            .Options);
}
