using Tripmate.ServiceDefaults;
using Tripmate.SocialGraph;
using Tripmate.SocialGraph.Store;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGraphStore();
builder.AddSocialGraphServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapSocialGraphEndpoints();

await app.InitializeGraphStoreAsync();
app.Run();

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
