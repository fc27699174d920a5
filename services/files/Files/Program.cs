using Tripmate.Files;
using Tripmate.Files.Store;
using Tripmate.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFilesStore();
builder.AddFilesServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapFilesEndpoints();

await app.InitializeFilesStoreAsync();
app.Run();

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
