using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using static MedInsurance.Payment.QualityControl.Tests.QcTestCases;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary><c>services.AddSettlementListQualityControl(...)</c>: the checker as a singleton, built from the profile and dictionary when resolved.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public void The_checker_is_built_from_the_profile_and_the_dictionary_and_checks_cases()
    {
        using var provider = new ServiceCollection()
            .AddSettlementListQualityControl(Path.Combine(DemoFolder, "demo-qc-profile.json"), DictionaryFolder(), "yb2.0")
            .BuildServiceProvider(validateScopes: true);
        var checker = provider.GetRequiredService<QcChecker>();
        Assert.Same(checker, provider.GetRequiredService<QcChecker>());
        Assert.Equal(QcStatus.Accepted, checker.Check(Clean()).Status);
        // The dictionary is in use: a code outside it is reported.
        Assert.Contains(checker.Check(Clean() with { SecondaryDiagnoses = new[] { Dx("K30.x00x002") } }).Issues, i => i.Code == "QC_DX_NOT_IN_DICTIONARY");
    }

    [Fact]
    public void A_missing_profile_fails_when_resolved_and_an_empty_name_at_registration()
    {
        using var provider = new ServiceCollection().AddSettlementListQualityControl(Path.Combine(DemoFolder, "no-such-profile.json"), null, "yb2.0").BuildServiceProvider();
        Assert.ThrowsAny<IOException>(() => provider.GetRequiredService<QcChecker>());
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSettlementListQualityControl(" ", null, "yb2.0"));
    }
}
