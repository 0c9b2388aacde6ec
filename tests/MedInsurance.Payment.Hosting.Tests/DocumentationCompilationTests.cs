using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MedInsurance.Payment.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>
/// Every <c>```csharp</c> block of the user docs (README.md, docs/**, the package READMEs) compiles against the
/// libraries as built: a renamed type, method or property fails here, naming the file and line of the block. A block is
/// compiled the way it reads: a whole program (it starts with <c>using</c>), type declarations, or statements — the
/// statements inside a method whose parameters are the variables a snippet uses without declaring (<see cref="Ambient"/>).
/// </summary>
public sealed class DocumentationCompilationTests
{
    /// <summary>Blocks compiled elsewhere, with the reason (file, heading before the block): not compiled here.</summary>
    private static readonly (string File, string Heading, string Reason)[] CheckedElsewhere =
    {
        ("docs/hosting.md", "## .NET Framework 4.6.2+ hosts", "an excerpt of tests/MedInsurance.Payment.NetFramework.Compile, compiled as C# 7.3 for net462 and checked line by line by DocumentationSnippetTests"),
    };

    /// <summary>The variables a statement snippet may use without declaring them (the reader's own data).</summary>
    private static readonly (string Type, string Name)[] Ambient =
    {
        ("IServiceCollection", "services"),
        ("IConfiguration", "configuration"),
        ("string", "data"),
        ("string", "dataFolder"),
        ("InpatientCase", "inpatientCase"),
        ("SettlementPolicy", "policy"),
        ("IReadOnlyList<SettlementHospital>", "hospitals"),
        ("IReadOnlyList<SettlementLine>", "lines"),
        ("IReadOnlyList<MonthlyPayment>", "monthly"),
        ("ISet<string>", "deviationIds"),
        ("IReadOnlyDictionary<string, decimal>", "weights"),
    };

    /// <summary>Types a type-declaration snippet refers to as the reader's own (the docs' imagined day-surgery package).</summary>
    private const string ReaderTypes = """
        public interface IDaySurgeryPricing { }
        public static class DaySurgeryLoader { public static IDaySurgeryPricing Load(DaySurgeryOptions options) => throw new NotSupportedException(); }
        """;

    public static TheoryData<string> Blocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in AllBlocks().Where(b => !IsCheckedElsewhere(b)))
        {
            data.Add(block.Where);
        }

        return data;
    }

    [Fact]
    public void The_docs_have_csharp_blocks_and_the_skips_exist()
    {
        var blocks = AllBlocks().ToList();
        Assert.True(blocks.Count >= 8, "expected the user docs' C# blocks, found " + blocks.Count);
        foreach (var skip in CheckedElsewhere)
        {
            Assert.Contains(blocks, b => b.File == skip.File && b.Heading.StartsWith(skip.Heading, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_csharp_block_of_the_docs_compiles(string where)
    {
        var block = AllBlocks().Single(b => b.Where == where);
        var errors = Compile(block.Code);
        Assert.True(errors.Count == 0, where + " does not compile:\n" + string.Join("\n", errors) + "\n--- block:\n" + block.Code);
    }

    [Fact]
    public void A_block_that_calls_a_missing_api_fails()
    {
        Assert.NotEmpty(Compile("var x = ClearingEngine.NoSuchMethod(policy);"));
        Assert.NotEmpty(Compile("services.AddMedInsurancePayment().AddNoSuchPart();"));
        Assert.Empty(Compile("var provider = services.BuildServiceProvider();"));
    }

    private static bool IsCheckedElsewhere(Block block) =>
        CheckedElsewhere.Any(s => s.File == block.File && block.Heading.StartsWith(s.Heading, StringComparison.Ordinal));

    private sealed record Block(string File, int Line, string Heading, string Code)
    {
        public string Where => File + ":" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<Block> AllBlocks()
    {
        var root = SharedData.RepoRoot;
        var files = new List<string> { "README.md" };
        files.AddRange(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)));
        files.AddRange(Directory.GetFiles(Path.Combine(root, "src"), "README.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)));
        foreach (var file in files.Select(f => f.Replace('\\', '/')).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
        {
            var lines = File.ReadAllText(Path.Combine(root, file)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var heading = string.Empty;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith('#'))
                {
                    heading = lines[i];
                }
                else if (lines[i].Trim() == "```csharp")
                {
                    var start = i + 1;
                    var code = new StringBuilder();
                    for (i = start; i < lines.Length && lines[i].Trim() != "```"; i++)
                    {
                        code.Append(lines[i]).Append('\n');
                    }

                    yield return new Block(file, start, heading, code.ToString());
                }
            }
        }
    }

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            paths[Path.GetFileName(path)] = path;
        }

        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            paths.TryAdd(Path.GetFileName(path), path);
        }

        return paths.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    private static readonly Lazy<string> Usings = new(() =>
    {
        // Every namespace of the libraries, plus the BCL and Microsoft.Extensions ones a reader has: a snippet shows the
        // calls, not its using lines.
        var names = new SortedSet<string>(StringComparer.Ordinal)
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.ComponentModel.DataAnnotations",
            "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.Options",
        };
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("MedInsurance.Payment.Cli", StringComparison.Ordinal))
            {
                continue;
            }

            var match = Regex.Match(File.ReadAllText(file), @"^namespace ([\w.]+);", RegexOptions.Multiline);
            if (match.Success && !match.Groups[1].Value.StartsWith("Microsoft.", StringComparison.Ordinal))
            {
                names.Add(match.Groups[1].Value);
            }
        }

        return string.Concat(names.Select(n => "using " + n + ";\n"));
    });

    private static List<string> Compile(string code)
    {
        string source;
        var kind = OutputKind.DynamicallyLinkedLibrary;
        if (Regex.IsMatch(code, @"^using [\w.]+;", RegexOptions.Multiline) && !code.Contains("public static class", StringComparison.Ordinal))
        {
            source = code; // a whole program with its own usings (the README's embedding example)
            kind = OutputKind.ConsoleApplication;
        }
        else if (Regex.IsMatch(code, @"^(\[\w+\]\s*)?(public|internal)\s+(static\s+|sealed\s+|partial\s+|abstract\s+)*(class|interface|record|struct)\s", RegexOptions.Multiline))
        {
            source = Usings.Value + code + (code.Contains("DaySurgery", StringComparison.Ordinal) ? ReaderTypes : string.Empty);
        }
        else
        {
            var parameters = Ambient
                .Where(a => Regex.IsMatch(code, @"\b" + a.Name + @"\b") && !Regex.IsMatch(code, @"(\bvar|[\w>\]?])\s+" + a.Name + @"\s*="))
                .Select(a => a.Type + " " + a.Name);
            source = Usings.Value + "public static class Snippet\n{\n    public static void Run(" + string.Join(", ", parameters) + ")\n    {\n" + code + "\n    }\n}\n";
        }

        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Snippet", new[] { tree }, References.Value, new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            // [OptionsValidator] classes are completed by the Options source generator, which this test does not run.
            .Where(d => !(d.Id == "CS0535" && code.Contains("[OptionsValidator]", StringComparison.Ordinal)))
            .Select(d => d.ToString())
            .ToList();
    }
}
