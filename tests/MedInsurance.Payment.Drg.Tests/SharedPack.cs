using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>The CHS-DRG 1.1 pack from ../shared (skipped outside CI when missing), loaded once.</summary>
internal static class SharedPack
{
    private static readonly object Gate = new();
    private static RulePackLoadResult? _chs11;

    public static RulePackLoadResult Chs11()
    {
        var folder = SharedData.Require("data/chs-drg/1.1");
        lock (Gate)
        {
            return _chs11 ??= RuleTextLoader.Load(folder, RuleTextLoader.Edition11);
        }
    }

    public static DrgGrouper Grouper(bool ambiguousCheck) =>
        new(Chs11().Pack, new DrgPolicy { Name = "test", Version = "1", AmbiguousGroupCheck = ambiguousCheck });
}
