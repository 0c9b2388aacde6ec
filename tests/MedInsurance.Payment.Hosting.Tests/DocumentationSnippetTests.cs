using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
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

    /// <summary>Records of the project's own work, allowed to cite issues and the measurement files; every other page is a user guide.</summary>
    private static readonly string[] Records = { "docs/decisions.md", "docs/performance.md" };

    /// <summary>A folder beside the repository that users do not have, and notes written for the team, not for a reader.</summary>
    private static readonly Regex InternalNote = new(@"\.\./shared|\bissue \d+|left for the lead", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex MarkdownLink = new(@"\]\(([^)\s]+)\)", RegexOptions.CultureInvariant);

    private static readonly Regex Heading = new(@"^#{1,6}\s+(.*?)\s*#*\s*$", RegexOptions.CultureInvariant);

    /// <summary>Every Markdown page a user reads, as paths relative to the repository root with '/' separators.</summary>
    private static List<string> UserDocs()
    {
        var root = SharedData.RepoRoot;
        var files = new List<string> { "README.md", "CHANGELOG.md" };
        files.AddRange(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Select(f => Relative(root, f)));
        files.AddRange(Directory.EnumerateDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists).Select(f => Relative(root, f)));
        files.AddRange(Directory.EnumerateFiles(Path.Combine(root, "samples"), "README*", SearchOption.AllDirectories).Select(f => Relative(root, f)));
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Lines outside fenced code blocks, with their 1-based numbers.</summary>
    private static IEnumerable<(int Number, string Text)> ProseLines(string markdown)
    {
        var fenced = false;
        var number = 0;
        foreach (var line in markdown.Split('\n'))
        {
            number++;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>GitHub's anchor of a heading: lower case, punctuation (ASCII and full-width) removed, spaces to hyphens; repeats get -1, -2.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, text) in ProseLines(markdown))
        {
            var heading = Heading.Match(text);
            if (!heading.Success)
            {
                continue;
            }

            var slug = new string(heading.Groups[1].Value.Trim().ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == ' ').ToArray()).Replace(' ', '-');
            var anchor = slug;
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return anchors;
    }

    [Fact]
    public void User_docs_point_to_no_shared_folder_and_carry_no_notes_to_the_team()
    {
        var docs = UserDocs().Where(f => !Records.Contains(f, StringComparer.Ordinal)).ToList();
        Assert.Contains("README.md", docs);
        Assert.Contains("docs/zh/指南.md", docs);
        Assert.Contains("docs/formats.md", docs);

        var found = new List<string>();
        foreach (var file in docs)
        {
            var number = 0;
            foreach (var line in Read(file).Split('\n'))
            {
                number++;
                if (InternalNote.IsMatch(line))
                {
                    found.Add(file + ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + line.Trim());
                }
            }
        }

        Assert.True(found.Count == 0, "user docs name ../shared or carry internal notes (say what the user has instead):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_internal_note_check_recognises_what_it_forbids()
    {
        Assert.Matches(InternalNote, "read in place from `../shared/data/codes`");
        Assert.Matches(InternalNote, "Part of Issue 6 (host integration).");
        Assert.Matches(InternalNote, "Other commands are left for the lead to wire.");
        Assert.DoesNotMatch(InternalNote, "issues.csv has one row per input row; 12 issues in 3 cases");
    }

    [Fact]
    public void Every_relative_link_in_the_docs_reaches_a_file_and_a_heading_it_has()
    {
        var root = SharedData.RepoRoot;
        var broken = new List<string>();
        foreach (var file in UserDocs())
        {
            var directory = Path.GetDirectoryName(Path.Combine(root, file))!;
            foreach (var (number, text) in ProseLines(Read(file)))
            {
                foreach (Match link in MarkdownLink.Matches(text))
                {
                    var target = link.Groups[1].Value;
                    if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.CultureInvariant))
                    {
                        continue; // https:, mailto:
                    }

                    var hash = target.IndexOf('#', StringComparison.Ordinal);
                    var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
                    var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
                    var full = path.Length == 0 ? Path.Combine(root, file) : Path.GetFullPath(Path.Combine(directory, path));
                    var where = file + ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + target;
                    if (!File.Exists(full) && !Directory.Exists(full))
                    {
                        broken.Add(where + " (no such file)");
                    }
                    else if (anchor != null && full.EndsWith(".md", StringComparison.Ordinal)
                             && !Anchors(File.ReadAllText(full).Replace("\r\n", "\n", StringComparison.Ordinal)).Contains(anchor))
                    {
                        broken.Add(where + " (no such heading)");
                    }
                }
            }
        }

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Every_chinese_page_is_linked_from_the_readme_and_from_the_chinese_guide()
    {
        var readme = Read("README.md");
        var guide = Read("docs/zh/指南.md");
        var pages = Directory.EnumerateFiles(Path.Combine(SharedData.RepoRoot, "docs", "zh"), "*.md").Select(f => Path.GetFileName(f)!).ToList();
        Assert.Contains("概念.md", pages);
        Assert.Contains("格式.md", pages);
        foreach (var page in pages.Where(p => p != "指南.md"))
        {
            Assert.Contains("(docs/zh/" + page + ")", readme, StringComparison.Ordinal);
            Assert.Contains("(" + page + ")", guide, StringComparison.Ordinal);
        }
    }
}
