using Tripmate.ServiceDefaults;
using Tripmate.SocialGraph;
using Tripmate.SocialGraph.Store;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSocialGraphStore();
builder.AddSocialGraphServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapSocialGraphEndpoints();

await app.InitializeSocialGraphStoreAsync();
app.Run();

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
