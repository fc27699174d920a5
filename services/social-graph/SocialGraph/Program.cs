using Tripmate.ServiceDefaults;
using Tripmate.SocialGraph;
using Tripmate.SocialGraph.Relationships;
using Tripmate.SocialGraph.Store;

var loading = args is [GrowthLoad.Command, ..];
var builder = WebApplication.CreateBuilder(loading ? [] : args);
builder.AddServiceDefaults();
builder.AddSocialGraphStore();
builder.AddSocialGraphServices();

var app = builder.Build();
if (loading)
{
    await app.InitializeSocialGraphStoreAsync();
    return await GrowthLoad.RunAsync(app.Services, args[1..], Console.Out);
}

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapSocialGraphEndpoints();

await app.InitializeSocialGraphStoreAsync();
app.Run();
return 0;

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
