using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// Loads an <see cref="AccountPolicy"/> from JSON (format in docs/accounts.md). A corrupt or implausible profile is refused
/// with the file, the line (for JSON errors) and the field; nothing is guessed.
/// </summary>
public static class AccountPolicyLoader
{
    /// <summary>Code of every refusal (in the exception message).</summary>
    public const string PolicyInvalid = "ACCOUNT_POLICY_INVALID";

    /// <summary>Loads a profile file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidDataException">When the file is not a valid profile (message: file, line or field, reason).</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static AccountPolicy LoadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses a profile.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The name used in messages (a path).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidDataException">When the text is not a valid profile.</exception>
    public static AccountPolicy Parse(string json, string source)
    {
        AccountPolicyJson? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json ?? string.Empty, AccountJsonContext.Default.AccountPolicyJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(string.Format(CultureInfo.InvariantCulture, "{0}: line {1}, field {2}: {3} ({4})", source, (ex.LineNumber ?? 0) + 1, ex.Path ?? "$", ex.Message, PolicyInvalid), ex);
        }

        if (dto is null)
        {
            throw Invalid(source, "$", "the profile is empty");
        }

        var periods = new List<AccountCreditPeriod>();
        var given = Required(dto.CreditPeriods, source, "creditPeriods");
        for (var i = 0; i < given.Count; i++)
        {
            var field = "creditPeriods[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var p = given[i] ?? throw Invalid(source, field, "null");
            periods.Add(Build(source, field, () => new AccountCreditPeriod(
                Date(Required(p.From, source, field + ".from"), source, field + ".from"),
                Rate(p.ActiveOwnRate ?? throw Invalid(source, field + ".activeOwnRate", "required"), source, field + ".activeOwnRate"),
                Rate(p.ActiveEmployerRate ?? 0m, source, field + ".activeEmployerRate"),
                p.RetireeShareOfBasis is { } share ? Rate(share, source, field + ".retireeShareOfBasis") : null,
                p.RetireeFixed is { } amount ? Yuan(amount, source, field + ".retireeFixed") : null,
                p.Source)));
        }

        var uses = new List<AccountUseRule>();
        foreach (var pair in Required(dto.AllowedUses, source, "allowedUses"))
        {
            var field = "allowedUses." + pair.Key;
            var relation = ParseEnum<AccountRelation>(pair.Key, source, field);
            foreach (var use in pair.Value ?? throw Invalid(source, field, "null"))
            {
                uses.Add(new AccountUseRule(relation, ParseEnum<AccountUse>(use ?? throw Invalid(source, field, "null"), source, field)));
            }
        }

        RoundingRule? rounding = null;
        if (dto.CreditRounding is { } r)
        {
            rounding = Build(source, "creditRounding", () => new RoundingRule(ParseEnum<RoundingMode>(r.Mode ?? "HalfAwayFromZero", source, "creditRounding.mode"), r.Decimals ?? 2));
        }

        OutpatientPoolingRule? pooling = null;
        if (dto.OutpatientPooling is { } o)
        {
            pooling = Build(source, "outpatientPooling", () => new OutpatientPoolingRule(
                Yuan(o.Deductible ?? throw Invalid(source, "outpatientPooling.deductible", "required"), source, "outpatientPooling.deductible"),
                Rate(o.ActiveRatio ?? throw Invalid(source, "outpatientPooling.activeRatio", "required"), source, "outpatientPooling.activeRatio"),
                Rate(o.RetiredRatio ?? throw Invalid(source, "outpatientPooling.retiredRatio", "required"), source, "outpatientPooling.retiredRatio"),
                Yuan(o.OutpatientCeiling ?? throw Invalid(source, "outpatientPooling.outpatientCeiling", "required"), source, "outpatientPooling.outpatientCeiling"),
                Yuan(o.AnnualCeiling ?? throw Invalid(source, "outpatientPooling.annualCeiling", "required"), source, "outpatientPooling.annualCeiling")));
        }

        var pension = dto.AveragePension;
        return Build(source, "$", () => new AccountPolicy(
            Required(dto.Id, source, "id"),
            Required(dto.Version, source, "version"),
            dto.Name,
            pension?.Monthly is { } monthly ? Yuan(monthly, source, "averagePension.monthly") : Money.Zero,
            pension?.Year ?? 0,
            periods,
            uses,
            rounding,
            pooling));
    }

    private static T Build<T>(string source, string field, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw Invalid(source, field, ex.Message.Split('(')[0].Trim(), ex);
        }
    }

    private static T Required<T>(T? value, string source, string field)
        where T : class => value ?? throw Invalid(source, field, "required");

    private static CalendarDate Date(string text, string source, string field) =>
        IsoDate.TryParse(text, out var date) ? date : throw Invalid(source, field, "not a date yyyy-MM-dd");

    private static Ratio Rate(decimal value, string source, string field) =>
        value is >= 0m and <= 1m ? new Ratio(value) : throw Invalid(source, field, "must be between 0 and 1");

    private static Money Yuan(decimal value, string source, string field) =>
        value >= 0m && value <= 1_000_000_000m && Money.FromYuan(value, RoundingRule.Default).Yuan == value
            ? Money.FromYuan(value)
            : throw Invalid(source, field, "must be an amount of 0 to 1 000 000 000 yuan with at most two decimals");

    private static T ParseEnum<T>(string text, string source, string field)
        where T : struct => Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(typeof(T), value) && !int.TryParse(text, out _)
        ? value
        : throw Invalid(source, field, "'" + text + "' is not one of " + string.Join(", ", Enum.GetNames(typeof(T))));

    private static InvalidDataException Invalid(string source, string field, string reason, Exception? inner = null) =>
        new(source + ": field " + field + ": " + reason + " (" + PolicyInvalid + ").", inner);
}

/// <summary>JSON shape of an account profile (camelCase).</summary>
internal sealed class AccountPolicyJson
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public AveragePensionJson? AveragePension { get; set; }

    public List<CreditPeriodJson?>? CreditPeriods { get; set; }

    public Dictionary<string, List<string?>?>? AllowedUses { get; set; }

    public RoundingJson? CreditRounding { get; set; }

    public PoolingJson? OutpatientPooling { get; set; }
}

internal sealed class AveragePensionJson
{
    public int? Year { get; set; }

    public decimal? Monthly { get; set; }
}

internal sealed class CreditPeriodJson
{
    public string? From { get; set; }

    public decimal? ActiveOwnRate { get; set; }

    public decimal? ActiveEmployerRate { get; set; }

    public decimal? RetireeShareOfBasis { get; set; }

    public decimal? RetireeFixed { get; set; }

    public string? Source { get; set; }
}

internal sealed class RoundingJson
{
    public string? Mode { get; set; }

    public int? Decimals { get; set; }
}

internal sealed class PoolingJson
{
    public decimal? Deductible { get; set; }

    public decimal? ActiveRatio { get; set; }

    public decimal? RetiredRatio { get; set; }

    public decimal? OutpatientCeiling { get; set; }

    public decimal? AnnualCeiling { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(AccountPolicyJson))]
internal sealed partial class AccountJsonContext : JsonSerializerContext
{
}
