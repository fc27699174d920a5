using Tripmate.Deploy.Tests.Infrastructure;

namespace Tripmate.Deploy.Tests;

/// <summary>Acceptance 3: yamllint on every YAML file, ShellCheck on every shell script of the repository.</summary>
public sealed class LintTests
{
    private static readonly string[] YamlFiles =
        Repo.Files(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order().ToArray();

    /// <summary>*.sh, and files without that ending whose first line starts a shell (./dev, .ci/run).</summary>
    private static readonly string[] ShellScripts = Repo.Files(IsShellScript).Order().ToArray();

    [Fact]
    public void Yamllint_passes_on_every_yaml_file()
    {
        Assert.Contains("deploy/compose/docker-compose.yml", YamlFiles);
        Assert.Contains(".github/workflows/ci.yml", YamlFiles);

        var result = Tool.Run("yamllint", ["--strict", "--config-file", ".yamllint.yaml", .. YamlFiles]);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void Shellcheck_passes_on_every_shell_script()
    {
        Assert.Contains("dev", ShellScripts);
        Assert.Contains(".ci/run", ShellScripts);
        Assert.Contains("scripts/dev/install.sh", ShellScripts);
        Assert.Contains("deploy/k8s/create-secrets.sh", ShellScripts);

        var result = Tool.Run("shellcheck", ["--external-sources", .. ShellScripts]);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void Both_tools_really_fail_on_a_bad_file()
    {
        var dir = Directory.CreateTempSubdirectory("tripmate-lint-");
        try
        {
            var yaml = Path.Combine(dir.FullName, "bad.yaml");
            File.WriteAllText(yaml, "key: value\nkey: again\n");
            var script = Path.Combine(dir.FullName, "bad.sh");
            File.WriteAllText(script, "#!/usr/bin/env bash\nrm -rf $1/*\n");

            var yamllint = Tool.Run("yamllint", ["--strict", "--config-file", ".yamllint.yaml", yaml]);
            var shellcheck = Tool.Run("shellcheck", [script]);

            Assert.False(yamllint.Succeeded);
            Assert.Contains("duplication of key", yamllint.Output);
            Assert.False(shellcheck.Succeeded);
            Assert.Contains("SC2086", shellcheck.Output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static bool IsShellScript(string relative)
    {
        if (relative.EndsWith(".sh", StringComparison.Ordinal))
        {
            return true;
        }

        if (Path.GetExtension(relative).Length > 0)
        {
            return false;
        }

        using var reader = new StreamReader(Repo.Path(relative));
        var first = reader.ReadLine() ?? "";
        return first.StartsWith("#!", StringComparison.Ordinal) && (first.EndsWith("bash", StringComparison.Ordinal) || first.EndsWith("/sh", StringComparison.Ordinal));
    }
}
