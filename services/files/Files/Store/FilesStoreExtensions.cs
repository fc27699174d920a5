using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tripmate.Files.Store.Changes;
using Tripmate.Outbox;
using Tripmate.ServiceDefaults.Health;
using Tripmate.ServiceDefaults.Messaging;

namespace Tripmate.Files.Store;

/// <summary>The bucket, the change log and its outbox, the record of processed events: all of it S3.</summary>
public static class FilesStoreExtensions
{
    public const string HealthCheckName = "files-bucket";

    /// <summary>Keyed registration of the client that signs URLs for clients (<see cref="S3Options.PublicUrl"/>).</summary>
    public const string PublicClient = "public";

    public static IHostApplicationBuilder AddFilesStore(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<S3Options>()
            .Bind(builder.Configuration.GetSection(S3Options.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Bucket), "S3:Bucket must name the files bucket.")
            .Validate(o => string.IsNullOrEmpty(o.AccessKey) == string.IsNullOrEmpty(o.SecretKey), "S3:AccessKey and S3:SecretKey go together.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IAmazonS3>(services => CreateClient(services.GetRequiredService<IOptions<S3Options>>().Value, publicUrl: false));
        builder.Services.AddKeyedSingleton<IAmazonS3>(PublicClient, (services, _) =>
            CreateClient(services.GetRequiredService<IOptions<S3Options>>().Value, publicUrl: true));
        builder.Services.AddSingleton<Bucket>();
        builder.Services.AddSingleton<KeptFolders>();
        builder.Services.AddSingleton<ChangeLog>();
        builder.Services.AddSingleton<FileCatalog>();
        builder.Services.AddSingleton<IProcessedEventStore, S3ProcessedEvents>();
        builder.AddOutbox<S3OutboxStore>();
        builder.Services.AddHealthChecks().AddCheck<S3HealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>Writes the folder markers s3rver needs (<see cref="KeptFolders"/>) before the service takes traffic.</summary>
    public static Task InitializeFilesStoreAsync(this WebApplication app) =>
        app.Services.GetRequiredService<KeptFolders>().WriteMarkersAsync(app.Lifetime.ApplicationStopping);

    private static AmazonS3Client CreateClient(S3Options options, bool publicUrl)
    {
        var url = publicUrl && !string.IsNullOrWhiteSpace(options.PublicUrl) ? options.PublicUrl : options.ServiceUrl;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Checksums only where S3 requires them: the trailing ones are sent as aws-chunked
            // bodies, which s3rver stores corrupted. Integrity is the service's own SHA-256.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            // A store that is away answers 503 soon rather than after minutes of retries.
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        if (string.IsNullOrWhiteSpace(url))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = options.Region;
            config.UseHttp = url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
