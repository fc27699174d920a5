using Tripmate.Deploy.Tests.Infrastructure;

namespace Tripmate.Deploy.Tests;

/// <summary>What each image's Dockerfile must say (issue 14, "Images"); its build is PublishTests.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Names() => new(Dockerfile.Names);

    [Fact]
    public void There_is_one_Dockerfile_per_service_and_the_gateway()
    {
        Assert.Equal(["files", "gateway", "identity", "messaging", "social-graph"], Dockerfile.Names);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Base_images_are_pinned_and_the_runtime_has_no_shell(string name)
    {
        var file = Dockerfile.Load(name);

        var bases = file.All("FROM").Select(f => f.Arguments.Split(' ')[0]).ToList();
        Assert.Equal(2, bases.Count);
        Assert.All(bases, image => Assert.True(ImagePinning.IsPinned(image), $"{image} is not pinned"));
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", bases[0]);
        // Chiseled: no shell, no package manager.
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:[0-9.]+-[a-z]+-chiseled$", bases[1]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_runtime_stage_runs_as_a_non_root_user_with_a_health_check_and_no_shell_form(string name)
    {
        var file = Dockerfile.Load(name);
        var final = file.Instructions.Where(i => i.Stage == file.FinalStage).ToList();

        var user = Assert.Single(final, i => i.Keyword == "USER").Arguments;
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user} should be a numeric non-root id");
        var health = Assert.Single(final, i => i.Keyword == "HEALTHCHECK").Arguments;
        Assert.Contains("CMD [\"dotnet\", \"/app/probe/Tripmate.HealthProbe.dll\", \"http://127.0.0.1:8080/health/live\"]", health);
        var entry = Assert.Single(final, i => i.Keyword == "ENTRYPOINT").Arguments;
        var dll = Path.GetFileNameWithoutExtension(file.ServiceProject) + ".dll";
        Assert.Equal($"[\"dotnet\", \"/app/service/{dll}\"]", entry);
        Assert.DoesNotContain(final, i => i.Keyword is "RUN" or "CMD");
        // Settings come from the environment at run time; the image sets only how it listens.
        var env = string.Join(" ", final.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));
        Assert.DoesNotMatch("(?i)password|secret|connectionstrings", env);
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void The_restore_layer_copies_exactly_the_project_files_restore_reads(string name)
    {
        var file = Dockerfile.Load(name);
        var project = file.ServiceProject;
        Skip.IfNot(File.Exists(Repo.Path(project)), $"{project} is not in this tree yet (another branch writes it); runs once merged");
        var firstRestore = file.Instructions.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore"));
        var copied = file.Instructions.Take(firstRestore).Where(i => i.Keyword == "COPY")
            .SelectMany(i => i.Arguments.Split(' ')[..^1]).ToHashSet();

        var needed = ProjectClosure.Of(project).Concat(ProjectClosure.Of("deploy/docker/HealthProbe/Tripmate.HealthProbe.csproj"))
            .Concat(["global.json", "Directory.Build.props", "Directory.Packages.props"]).ToHashSet();

        Assert.Equal(needed.Order(), copied.Order());
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Every_copied_path_exists_in_the_build_context(string name)
    {
        var file = Dockerfile.Load(name);
        Skip.IfNot(File.Exists(Repo.Path(file.ServiceProject)), $"{file.ServiceProject} is not in this tree yet (another branch writes it); runs once merged");

        foreach (var copy in file.All("COPY").Where(c => !c.Arguments.StartsWith("--from")))
        {
            foreach (var source in copy.Arguments.Split(' ')[..^1])
            {
                Assert.True(File.Exists(Repo.Path(source)) || Directory.Exists(Repo.Path(source)), $"COPY {source}: not in the repository");
            }
        }
    }

    [Fact]
    public void The_context_leaves_out_build_output_and_local_data()
    {
        var ignored = Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", ".data/", ".git/", "**/node_modules/" }, ignored);
    }
}
