using Tripmate.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.UseServiceDefaults();
app.Run();

/// <summary>Entry point, public so functional tests can host the gateway.</summary>
public partial class Program;
