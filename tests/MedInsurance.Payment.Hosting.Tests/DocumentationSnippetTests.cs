using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>The C# the user docs show is code the build compiles: a snippet that drifts from its source fails here.</summary>
public sealed class DocumentationSnippetTests
{
    private static string Read(string relative) =>
        File.ReadAllText(Path.Combine(SharedData.RepoRoot, relative)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The first <c>```csharp</c> block after <paramref name="heading"/>.</summary>
    private static string CSharpBlockAfter(string markdown, string heading)
    {
        var at = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(at >= 0, "heading not found: " + heading);
        var start = markdown.IndexOf("```csharp\n", at, StringComparison.Ordinal) + "```csharp\n".Length;
        var end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        return markdown[start..end];
    }

    [Fact]
    public void The_readme_embedding_example_is_the_embedding_sample_character_for_character()
    {
        var program = Read("samples/Embedding/Program.cs");
        var start = program.IndexOf("// <embedding>\n", StringComparison.Ordinal) + "// <embedding>\n".Length;
        var end = program.IndexOf("// </embedding>", StringComparison.Ordinal);
        var sample = program[start..end];

        Assert.Equal(sample, CSharpBlockAfter(Read("README.md"), "## Embed in a host"));
        Assert.Contains("BuildServiceProvider()", sample, StringComparison.Ordinal);
        Assert.Contains("IStartupValidator>().Validate()", sample, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_line_of_the_net_framework_snippet_is_in_the_compiled_csharp_7_3_file()
    {
        var block = CSharpBlockAfter(Read("docs/hosting.md"), "## .NET Framework 4.6.2+ hosts");
        var compiled = Read("tests/MedInsurance.Payment.NetFramework.Compile/HisIntegration.cs").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !compiled.Contains(l)).ToArray();
        Assert.True(missing.Length == 0, "docs/hosting.md lines not in HisIntegration.cs:\n" + string.Join("\n", missing));
    }
}
