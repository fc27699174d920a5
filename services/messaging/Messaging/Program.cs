using Tripmate.Messaging;
using Tripmate.Messaging.Store;
using Tripmate.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMessagingStore();
builder.AddMessagingServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.MapMessagingEndpoints();

await app.InitializeMessagingStoreAsync();
app.Run();

/// <summary>Entry point, public so functional tests can host the service.</summary>
public partial class Program;
