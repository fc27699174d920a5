using Tripmate.Identity;
using Tripmate.Identity.Data;
using Tripmate.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapIdentityEndpoints();

await app.MigrateDatabaseAsync();
app.Run();

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
