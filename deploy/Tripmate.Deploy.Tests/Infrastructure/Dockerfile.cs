using System.Text.RegularExpressions;

namespace Tripmate.Deploy.Tests.Infrastructure;

/// <summary>One instruction of a Dockerfile, continuation lines joined, comments dropped.</summary>
public sealed record Instruction(string Keyword, string Arguments, int Stage);

/// <summary>A Dockerfile of deploy/docker, read into its instructions.</summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string name, IReadOnlyList<Instruction> instructions)
    {
        Name = name;
        Instructions = instructions;
    }

    /// <summary>The image's name: deploy/docker/NAME.Dockerfile.</summary>
    public string Name { get; }

    public IReadOnlyList<Instruction> Instructions { get; }

    public static IReadOnlyList<string> Names { get; } =
        Directory.GetFiles(Repo.Path("deploy/docker"), "*.Dockerfile").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToList();

    public static Dockerfile Load(string name)
    {
        var instructions = new List<Instruction>();
        var stage = -1;
        var pending = "";
        foreach (var raw in Repo.Read($"deploy/docker/{name}.Dockerfile").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = (pending + line).Trim();
            pending = "";
            var space = full.IndexOf(' ');
            var keyword = full[..space].ToUpperInvariant();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new Instruction(keyword, Spaces().Replace(full[(space + 1)..], " ").Trim(), stage));
        }

        return new Dockerfile(name, instructions);
    }

    public IEnumerable<Instruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    public int FinalStage => Instructions.Max(i => i.Stage);

    /// <summary>The dotnet commands of the RUN instructions, in order, split at "&amp;&amp;", as argument lists.</summary>
    public IReadOnlyList<string[]> DotnetCommands() =>
        All("RUN").SelectMany(run => run.Arguments.Split("&&", StringSplitOptions.TrimEntries))
            .Select(command => command.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words[0] == "dotnet")
            .ToList();

    /// <summary>The project the image is built from: the one the first "dotnet publish" names.</summary>
    public string ServiceProject => DotnetCommands().First(c => c[1] == "publish")[2];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
