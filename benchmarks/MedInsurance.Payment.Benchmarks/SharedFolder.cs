using System;
using System.IO;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>Finds ../shared beside the repository (or $MEDPAY_SHARED).</summary>
internal static class SharedFolder
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("MEDPAY_SHARED") is { Length: > 0 } overridden)
        {
            return overridden;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MedInsurance.Payment.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? Directory.GetCurrentDirectory();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return Directory.Exists(shared)
            ? shared
            : throw new DirectoryNotFoundException("Reference data not found at " + shared + "; set MEDPAY_SHARED.");
    }
}
