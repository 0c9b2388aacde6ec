using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace MedInsurance.Payment.TestSupport;

/// <summary>
/// A small approval-test helper (Verify is not available here): compares text with a checked-in
/// <c>{TestFile}.{name}.verified.txt</c> beside the test source. On mismatch or when the file is missing it
/// writes <c>*.received.txt</c> next to it and fails; accept a change by renaming received to verified.
/// </summary>
public static class Approvals
{
    /// <summary>Verifies <paramref name="actual"/> against the approved file.</summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="name">The approval name (unique within the test file).</param>
    /// <param name="sourceFile">Filled in by the compiler.</param>
    public static void Verify(string actual, string name, [CallerFilePath] string sourceFile = "")
    {
        var directory = Path.GetDirectoryName(MapSourcePath(sourceFile)) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(sourceFile) + "." + name;
        var verified = Path.Combine(directory, stem + ".verified.txt");
        var received = Path.Combine(directory, stem + ".received.txt");
        var normalized = Normalize(actual);
        if (File.Exists(verified) && string.Equals(Normalize(File.ReadAllText(verified)), normalized, StringComparison.Ordinal))
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(verified)
            ? "Approval mismatch: compare " + received + " with " + verified + "; rename received to verified to accept."
            : "No approved file " + verified + "; review " + received + " and rename it to accept.");
    }

    // Deterministic CI builds (ContinuousIntegrationBuild) map source paths to "/_/…"; map them back to the checkout.
    private static string MapSourcePath(string sourceFile) =>
        sourceFile.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(SharedData.RepoRoot, sourceFile.Substring(3))
            : sourceFile;

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
