using Tripmate.Files.Catalog;
using Tripmate.Files.Content;
using Tripmate.Files.Events;
using Tripmate.Files.Groups;
using Tripmate.Files.Housekeeping;
using Tripmate.Files.Shares;
using Tripmate.Files.Uploads;
using Tripmate.Files.Uploads.Resumable;
using Tripmate.ServiceDefaults.Auth;
using Tripmate.ServiceDefaults.OpenApi;

namespace Tripmate.Files;

/// <summary>The files API: uploads, downloads, sharing, and the events that keep it in step with identity.</summary>
public static class FilesServiceExtensions
{
    public static IHostApplicationBuilder AddFilesServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication();
        builder.AddFilesBus();
        builder.Services.AddOptions<FilesOptions>()
            .Bind(builder.Configuration.GetSection(FilesOptions.Section))
            .Validate(o => o.PartSize >= 5 * 1024 * 1024, "Files:PartSize must be at least 5 MiB, S3's smallest part.")
            .Validate(o => o.MaxFileBytes > 0, "Files:MaxFileBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ObjectUpload>();
        builder.Services.AddSingleton<FileRecorder>();
        builder.Services.AddSingleton<UploadSessions>();
        builder.Services.AddSingleton<ResumableUpload>();
        builder.Services.AddSingleton<GroupMemberships>();
        builder.Services.AddSingleton<FilePermissions>();
        builder.Services.AddSingleton<FileRemoval>();
        builder.Services.AddHostedService<BucketSweep>();

        // Here, not in the shared defaults: the generator finds this project's request types only.
        builder.Services.AddValidation();
        builder.Services.AddDefaultOpenApi();
        return builder;
    }

    public static WebApplication MapFilesEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapFilesCatalogEndpoints();
        app.MapContentEndpoints();
        app.MapSharesEndpoints();
        app.MapTusEndpoints();
        return app;
    }
}
