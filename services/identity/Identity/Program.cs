using Tripmate.Identity;
using Tripmate.Identity.Store;
using Tripmate.Identity.Tokens;
using Tripmate.ServiceDefaults;

if (args is [SigningKeyRotation.Command, ..])
{
    return SigningKeyRotation.Run(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args[1..]).Build(), Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityStore();
builder.AddIdentityServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapIdentityEndpoints();

await app.InitializeIdentityStoreAsync();
app.Run();
return 0;

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
