using Tripmate.Files;
using Tripmate.Files.Store;
using Tripmate.Files.Uploads;
using Tripmate.ServiceDefaults;

var loading = args is [GrowthLoad.Command, ..];
var builder = WebApplication.CreateBuilder(loading ? [] : args);
builder.AddServiceDefaults();
builder.AddFilesStore();
builder.AddFilesServices();

var app = builder.Build();
if (loading)
{
    return await GrowthLoad.RunAsync(app.Services, args[1..], Console.Out);
}

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapFilesEndpoints();

await app.InitializeFilesStoreAsync();
app.Run();
return 0;

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
