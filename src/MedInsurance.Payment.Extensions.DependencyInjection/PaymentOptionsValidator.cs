using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using MedInsurance.Payment.Dip;
using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// Checks the options of the registered parts at start (<c>ValidateOnStart</c>): required paths given and present,
/// numbers in range; then loads the configured files (rule text, weights, catalog, profile, hospitals, policy), so a
/// malformed file stops the host at start with its key, file and line. Each message names the configuration key to fix.
/// </summary>
internal abstract class PaymentOptionsValidator : IValidateOptions<MedInsurancePaymentOptions>
{
    protected PaymentOptionsValidator(PaymentDataCache cache) => Cache = cache;

    protected PaymentDataCache Cache { get; }

    /// <summary>The configuration section of the part, e.g. <c>MedInsurancePayment:Drg</c>.</summary>
    protected abstract string SectionKey { get; }

    public ValidateOptionsResult Validate(string? name, MedInsurancePaymentOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Region) && !options.UsesDemoRegion)
        {
            failures.Add("MedInsurancePayment:Region '" + options.Region + "' is unknown: use 'demo' or leave it empty and configure the files.");
        }
        else if (options.UsesDemoRegion && string.IsNullOrEmpty(options.Drg.RulesFolder) && string.IsNullOrEmpty(options.Dip.CatalogFile) && string.IsNullOrEmpty(options.Settlement.Policy))
        {
            failures.Add("MedInsurancePayment:Region 'demo' needs services.AddDemoRegion() from the package MedInsurance.Payment.Demo (the host package ships no demo data).");
        }

        ValidatePart(options, failures);
        if (failures.Count == 0 && (name is null || name == Options.DefaultName))
        {
            try
            {
                Load(options);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException or JsonException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
            {
                failures.Add(SectionKey + ": the configured files do not load: " + e.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    protected abstract void ValidatePart(MedInsurancePaymentOptions options, List<string> failures);

    /// <summary>Loads the part's files into <see cref="Cache"/>; throws on a malformed file.</summary>
    protected abstract void Load(MedInsurancePaymentOptions options);

    protected static void ValidateDrg(MedInsurancePaymentOptions options, List<string> failures)
    {
        var drg = options.Drg;
        if (string.IsNullOrWhiteSpace(drg.Edition))
        {
            failures.Add("MedInsurancePayment:Drg:Edition is required (e.g. chs-drg-1.1).");
        }

        RequireFolder(drg.RulesFolder, "MedInsurancePayment:Drg:RulesFolder", "the folder holding 1_MDC.txt … 7_CCE.txt", failures);
        OptionalFile(drg.WeightsFile, "MedInsurancePayment:Drg:WeightsFile", failures);
        if (drg.WeightsFile is not null && drg.BaseRate is null)
        {
            failures.Add("MedInsurancePayment:Drg:BaseRate is required with WeightsFile (yuan per unit of weight).");
        }

        if (drg.BaseRate is <= 0)
        {
            failures.Add("MedInsurancePayment:Drg:BaseRate must be positive.");
        }
    }

    protected static void ValidateDip(MedInsurancePaymentOptions options, List<string> failures)
    {
        var dip = options.Dip;
        if (string.IsNullOrWhiteSpace(dip.Profile))
        {
            failures.Add("MedInsurancePayment:Dip:Profile is required: a built-in name (" + string.Join(", ", DipPolicyProfiles.BuiltInNames) + ") or a profile JSON file.");
        }
        else if (!DipPolicyProfiles.TryGetBuiltIn(dip.Profile, out _) && !File.Exists(dip.Profile))
        {
            failures.Add("MedInsurancePayment:Dip:Profile '" + dip.Profile + "' is neither a built-in profile (" + string.Join(", ", DipPolicyProfiles.BuiltInNames) + ") nor an existing file.");
        }

        if (dip.PointValue is <= 0)
        {
            failures.Add("MedInsurancePayment:Dip:PointValue must be positive.");
        }

        RequireFile(dip.CatalogFile, "MedInsurancePayment:Dip:CatalogFile", failures);
        RequireFile(dip.HospitalsFile, "MedInsurancePayment:Dip:HospitalsFile", failures);
        OptionalFile(dip.ProcedureAttributesFile, "MedInsurancePayment:Dip:ProcedureAttributesFile", failures);
        OptionalFile(dip.AuxiliaryListsFile, "MedInsurancePayment:Dip:AuxiliaryListsFile", failures);
    }

    protected static void ValidateClearing(MedInsurancePaymentOptions options, List<string> failures)
    {
        var settlement = options.Settlement;
        if (settlement.MaxDegreeOfParallelism < 0)
        {
            failures.Add("MedInsurancePayment:Settlement:MaxDegreeOfParallelism must be 0 (all cores) or more.");
        }

        if (string.IsNullOrWhiteSpace(settlement.Policy))
        {
            failures.Add("MedInsurancePayment:Settlement:Policy is required: a policy JSON file or an embedded example name.");
        }

        RequireFile(settlement.HospitalsFile, "MedInsurancePayment:Settlement:HospitalsFile", failures);
    }

    private static void RequireFolder(string? path, string key, string what, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add(key + " is required: " + what + ".");
        }
        else if (!Directory.Exists(path))
        {
            failures.Add(key + ": folder not found: " + path);
        }
    }

    private static void RequireFile(string? path, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add(key + " is required.");
        }
        else
        {
            OptionalFile(path, key, failures);
        }
    }

    private static void OptionalFile(string? path, string key, List<string> failures)
    {
        if (path is not null && !File.Exists(path))
        {
            failures.Add(key + ": file not found: " + path);
        }
    }
}

/// <summary>Validates the DRG options when DRG grouping is registered, and loads the rule text and weights.</summary>
internal sealed class DrgOptionsValidator(PaymentDataCache cache) : PaymentOptionsValidator(cache)
{
    protected override string SectionKey => "MedInsurancePayment:Drg";

    protected override void ValidatePart(MedInsurancePaymentOptions options, List<string> failures) => ValidateDrg(options, failures);

    protected override void Load(MedInsurancePaymentOptions options) => Cache.Drg(options);
}

/// <summary>Validates the DIP options when DIP scoring is registered, and loads the catalog, profile, lists and hospitals.</summary>
internal sealed class DipOptionsValidator(PaymentDataCache cache) : PaymentOptionsValidator(cache)
{
    protected override string SectionKey => "MedInsurancePayment:Dip";

    protected override void ValidatePart(MedInsurancePaymentOptions options, List<string> failures) => ValidateDip(options, failures);

    protected override void Load(MedInsurancePaymentOptions options) => Cache.Dip(options);
}

/// <summary>Validates the clearing options when clearing is registered, and loads the policy and hospitals.</summary>
internal sealed class ClearingOptionsValidator(PaymentDataCache cache) : PaymentOptionsValidator(cache)
{
    protected override string SectionKey => "MedInsurancePayment:Settlement";

    protected override void ValidatePart(MedInsurancePaymentOptions options, List<string> failures) => ValidateClearing(options, failures);

    protected override void Load(MedInsurancePaymentOptions options) => Cache.Clearing(options);
}
