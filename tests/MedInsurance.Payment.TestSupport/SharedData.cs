using System;
using System.IO;
using Xunit;

namespace MedInsurance.Payment.TestSupport;

/// <summary>
/// Locates the read-only reference data in <c>../shared</c> beside the repository. Tests that need it call
/// <see cref="Require"/>: under CI (<c>CI=true</c>) a missing folder fails the test; elsewhere the test is
/// skipped with a visible reason, so <c>dotnet test</c> passes on a user's fresh clone.
/// </summary>
public static class SharedData
{
    /// <summary>The repository root (the folder holding <c>MedInsurance.Payment.sln</c>).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The expected location of the shared folder.</summary>
    public static string Root => Environment.GetEnvironmentVariable("MEDPAY_SHARED") is { Length: > 0 } overridden
        ? overridden
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Whether CI is running.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the full path of <paramref name="relativePath"/> under shared/, or fails (CI) / skips (elsewhere).</summary>
    /// <param name="relativePath">Path under shared/, e.g. <c>golden/chs-drg-1.1/cases.csv</c>.</param>
    /// <returns>The full path.</returns>
    public static string Require(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        var reason = "Reference data not found at " + path + " (the ../shared folder beside the repository).";
        if (IsCi)
        {
            Assert.Fail(reason + " Under CI the shared folder must be present.");
        }

        Assert.Skip(reason + " Skipped outside CI.");
        return path;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MedInsurance.Payment.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find MedInsurance.Payment.sln above " + AppContext.BaseDirectory);
    }
}
