using System;
using System.Collections.Generic;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MedInsurance.Payment.TestSupport.PaymentHost;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary><c>builder.AddTreatmentCombinations(…)</c> and <c>.AddChronicDiseases(…)</c>: the grouper and the chronic-disease
/// calculator with their table and policy, loaded and validated at start.</summary>
public sealed class ServiceRegistrationTests
{
    private const string Header = "hospital_id,name,level,type\n";
    private static readonly string TableFile = DemoData("outpatient-combinations.json");
    private static readonly string HospitalsFile = DemoData("hospitals.csv");
    private static readonly string ChronicFile = DemoData("chronic-policy.json");

    [Fact]
    public void Files_named_in_code_give_the_grouper_and_the_calculator()
    {
        var certifications = WriteTemp("certifications.csv", "person_id,disease_code,certified_on\nP1,L-GXY,2024-06-01\n");
        using var provider = Build(b => b
            .AddTreatmentCombinations(o =>
            {
                o.TableFile = TableFile;
                o.HospitalsFile = HospitalsFile;
            })
            .AddChronicDiseases(o =>
            {
                o.PolicyFile = ChronicFile;
                o.CertificationsFile = certifications;
            }));
        Start(provider);
        var grouper = provider.GetRequiredService<CombinationGrouper>();
        Assert.Equal("demo-outpatient-combinations", grouper.Table.Id);
        Assert.Same(grouper.Table, provider.GetRequiredService<CombinationTable>());
        var chronic = provider.GetRequiredService<ChronicCalculator>();
        Assert.Equal("demo-chronic", chronic.Policy.Id);
        Assert.Same(chronic.Policy, provider.GetRequiredService<ChronicPolicy>());
    }

    [Fact]
    public void The_files_bind_from_the_configuration_sections()
    {
        using var provider = Build(
            new Dictionary<string, string?>
            {
                ["MedInsurancePayment:TreatmentCombinations:TableFile"] = TableFile,
                ["MedInsurancePayment:TreatmentCombinations:HospitalsFile"] = HospitalsFile,
                ["MedInsurancePayment:ChronicDiseases:PolicyFile"] = ChronicFile,
            },
            b => b.AddTreatmentCombinations().AddChronicDiseases());
        Start(provider);
        var combinations = provider.GetRequiredService<IOptions<TreatmentCombinationOptions>>().Value;
        Assert.Equal((TableFile, HospitalsFile), (combinations.TableFile, combinations.HospitalsFile));
        Assert.Equal(ChronicFile, provider.GetRequiredService<IOptions<ChronicDiseaseOptions>>().Value.PolicyFile);
        Assert.Equal("demo-outpatient-combinations", provider.GetRequiredService<CombinationTable>().Id);
        Assert.Equal("demo-chronic", provider.GetRequiredService<ChronicPolicy>().Id);
    }

    [Fact]
    public void Missing_files_stop_the_start_with_the_key()
    {
        using var combinations = Build(b => b.AddTreatmentCombinations(o => o.TableFile = TableFile));
        var error = StartFailure(combinations);
        Assert.Contains("MedInsurancePayment:TreatmentCombinations: ", error, StringComparison.Ordinal);
        Assert.Contains("HospitalsFile is required", error, StringComparison.Ordinal);

        using var chronic = Build(b => b.AddChronicDiseases(o => o.CertificationsFile = "/no/such/certifications.csv"));
        error = StartFailure(chronic);
        Assert.Contains("MedInsurancePayment:ChronicDiseases: ", error, StringComparison.Ordinal);
        Assert.Contains("PolicyFile is required", error, StringComparison.Ordinal);
        Assert.Contains("MedInsurancePayment:ChronicDiseases: CertificationsFile: file not found: /no/such/certifications.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_table_or_policy_stops_the_start_with_the_key_the_file_and_the_line()
    {
        var file = WriteTemp("outpatient.json", "{\n  \"id\": [1],\n  \"version\": \"1\"\n}\n");
        using var combinations = Build(b => b.AddTreatmentCombinations(o =>
        {
            o.TableFile = file;
            o.HospitalsFile = HospitalsFile;
        }));
        Assert.Contains("MedInsurancePayment:TreatmentCombinations: the configured files do not load: " + file + ": line 2, field $.id", StartFailure(combinations), StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => combinations.GetRequiredService<CombinationGrouper>());

        using var chronic = Build(b => b.AddChronicDiseases(o => o.PolicyFile = file));
        Assert.Contains("MedInsurancePayment:ChronicDiseases: the configured files do not load: " + file + ": line 2, field $.id", StartFailure(chronic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_hospital_or_certification_row_stops_the_start_with_the_file_and_the_row()
    {
        var hospitals = WriteTemp("hospitals.csv", Header + "H1,一院,3A,general\nH2,二院,九级,general\n");
        using var combinations = Build(b => b.AddTreatmentCombinations(o =>
        {
            o.TableFile = TableFile;
            o.HospitalsFile = hospitals;
        }));
        var error = StartFailure(combinations);
        Assert.Contains("MedInsurancePayment:TreatmentCombinations: the configured files do not load: " + hospitals + " row 2: ", error, StringComparison.Ordinal);
        Assert.Contains("(level)", error, StringComparison.Ordinal);

        var certifications = WriteTemp("certifications.csv", "person_id,disease_code,certified_on\nP1,L-GXY,2024-06-01\nP2,MT01,not-a-date\n");
        using var chronic = Build(b => b.AddChronicDiseases(o =>
        {
            o.PolicyFile = ChronicFile;
            o.CertificationsFile = certifications;
        }));
        error = StartFailure(chronic);
        Assert.Contains("MedInsurancePayment:ChronicDiseases: the configured files do not load: " + certifications + " row 2: ", error, StringComparison.Ordinal);
        Assert.Contains("(certified_on)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_the_parts_twice_keeps_one_service_each()
    {
        var services = new ServiceCollection();
        for (var i = 0; i < 2; i++)
        {
            services.AddMedInsurancePayment()
                .AddTreatmentCombinations(o =>
                {
                    o.TableFile = TableFile;
                    o.HospitalsFile = HospitalsFile;
                })
                .AddChronicDiseases(o => o.PolicyFile = ChronicFile);
        }

        Assert.Equal(1, Count(services, typeof(CombinationGrouper)));
        Assert.Equal(1, Count(services, typeof(CombinationTable)));
        Assert.Equal(1, Count(services, typeof(ChronicCalculator)));
        Assert.Equal(1, Count(services, typeof(ChronicPolicy)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<TreatmentCombinationOptions>)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<ChronicDiseaseOptions>)));
    }
}
