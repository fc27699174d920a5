using Tripmate.Messaging;
using Tripmate.Messaging.Messages;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults;

var loading = args is [GrowthLoad.Command, ..];
var builder = WebApplication.CreateBuilder(loading ? [] : args);
builder.AddServiceDefaults();
builder.AddMessagingStore();
builder.AddMessagingServices();

var app = builder.Build();
if (loading)
{
    await app.InitializeMessagingStoreAsync();
    return await GrowthLoad.RunAsync(app.Services, args[1..], Console.Out);
}

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapMessagingEndpoints();

await app.InitializeMessagingStoreAsync();
app.Run();
return 0;

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
