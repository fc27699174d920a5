using Tripmate.Contracts.Files;
using Tripmate.Testing.Bus;

namespace Tripmate.Files.Tests.Infrastructure;

/// <summary>Every event files publishes, recorded from the real broker.</summary>
public static class FilesEvents
{
    public static Task<EventRecorder> RecordAsync() => EventRecorder.StartAsync("files-tests", events => events
        .Record<FileUploaded>().Record<FileShared>().Record<FileDeleted>());
}
