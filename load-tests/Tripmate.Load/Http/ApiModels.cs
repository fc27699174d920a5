namespace Tripmate.Load.Http;

// The parts of the services' answers the seeder and the scenarios read.

public sealed record AccountDto(Guid Id, string Email);

public sealed record TokenDto(string AccessToken);

public sealed record IdDto(Guid Id);

public sealed record PageDto<T>(List<T> Items, string? NextCursor);

public sealed record GroupDto(Guid Id, string Name);

public sealed record FileDto(Guid Id, string Name);
