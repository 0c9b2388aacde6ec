using System;
using System.Collections.Generic;
using System.IO;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MedInsurance.Payment.QualityControl.Tests.QcTestCases;
using static MedInsurance.Payment.TestSupport.PaymentHost;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary><c>builder.AddSettlementListQualityControl(…)</c>: the checker as a singleton, built from the profile and
/// dictionary at start.</summary>
public sealed class ServiceRegistrationTests
{
    private static string Profile => Path.Combine(DemoFolder, "demo-qc-profile.json");

    [Fact]
    public void The_checker_is_built_from_the_profile_and_the_dictionary_and_checks_cases()
    {
        var dictionary = DictionaryFolder();
        using var provider = Build(b => b.AddSettlementListQualityControl(o =>
        {
            o.ProfileFile = Profile;
            o.DictionaryFolder = dictionary;
        }));
        Start(provider);
        var checker = provider.GetRequiredService<QcChecker>();
        Assert.Same(checker, provider.GetRequiredService<QcChecker>());
        Assert.Equal("demo-region-qc", checker.Profile.Name);
        Assert.Equal(QcStatus.Accepted, checker.Check(Clean()).Status);
        // The dictionary is in use: a code outside it is reported.
        Assert.Contains(checker.Check(Clean() with { SecondaryDiagnoses = new[] { Dx("K30.x00x002") } }).Issues, i => i.Code == "QC_DX_NOT_IN_DICTIONARY");
    }

    [Fact]
    public void The_options_bind_from_the_configuration_section()
    {
        using var provider = Build(new Dictionary<string, string?> { ["MedInsurancePayment:QualityControl:ProfileFile"] = Profile, ["MedInsurancePayment:QualityControl:Edition"] = "yb1.0" }, b => b.AddSettlementListQualityControl());
        Start(provider);
        var options = provider.GetRequiredService<IOptions<QualityControlOptions>>().Value;
        Assert.Equal((Profile, "yb1.0", (string?)null), (options.ProfileFile, options.Edition, options.DictionaryFolder));
        var checker = provider.GetRequiredService<QcChecker>();
        Assert.Equal("demo-region-qc", checker.Profile.Name);
        Assert.Null(checker.Dictionary);
    }

    [Fact]
    public void A_missing_profile_or_an_unknown_edition_stops_the_start_with_the_key()
    {
        using var missing = Build(b => b.AddSettlementListQualityControl());
        var error = StartFailure(missing);
        Assert.Contains("MedInsurancePayment:QualityControl: ", error, StringComparison.Ordinal);
        Assert.Contains("ProfileFile is required", error, StringComparison.Ordinal);

        using var edition = Build(b => b.AddSettlementListQualityControl(o =>
        {
            o.ProfileFile = Profile;
            o.Edition = "yb3.0";
        }));
        Assert.Contains("MedInsurancePayment:QualityControl: Edition: Edition 'yb3.0' is neither yb2.0 nor yb1.0.", StartFailure(edition), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_profile_or_an_incomplete_dictionary_stops_the_start_with_the_key_and_the_file()
    {
        var file = WriteTemp("qc-profile.json", "{\n  \"name\": \"x\",\n  \"version\": \"1\" \"rules\"\n}\n");
        using var provider = Build(b => b.AddSettlementListQualityControl(o => o.ProfileFile = file));
        var error = StartFailure(provider);
        Assert.Contains("MedInsurancePayment:QualityControl: the configured files do not load: qc-profile.json:3: not valid JSON", error, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<QcChecker>());

        var empty = Directory.CreateTempSubdirectory("medpay-qc-dict-").FullName;
        using var dictionary = Build(b => b.AddSettlementListQualityControl(o =>
        {
            o.ProfileFile = Profile;
            o.DictionaryFolder = empty;
        }));
        error = StartFailure(dictionary);
        Assert.Contains("MedInsurancePayment:QualityControl: the configured files do not load: ", error, StringComparison.Ordinal);
        Assert.Contains("ZD_YB20_INFO.dat", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_the_part_twice_keeps_one_checker_and_a_host_built_checker_can_be_registered()
    {
        var services = new ServiceCollection();
        services.AddMedInsurancePayment().AddSettlementListQualityControl(o => o.ProfileFile = Profile);
        services.AddMedInsurancePayment().AddSettlementListQualityControl(o => o.ProfileFile = Profile);
        Assert.Equal(1, Count(services, typeof(QcChecker)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<QualityControlOptions>)));

        var own = Checker();
        using var provider = Build(b => b.AddSettlementListQualityControl(own));
        Assert.Same(own, provider.GetRequiredService<QcChecker>());
    }
}
