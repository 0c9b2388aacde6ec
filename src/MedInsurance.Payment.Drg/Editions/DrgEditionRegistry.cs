using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Editions;

/// <summary>
/// 分组版本 — one grouper edition and the discharge dates it applies to (both ends inclusive; open-ended when
/// <see cref="EffectiveTo"/> is null), with the crosswalk that maps older code editions to its codes.
/// </summary>
public sealed class DrgEdition
{
    /// <summary>Creates an edition entry.</summary>
    /// <param name="grouper">The compiled grouper.</param>
    /// <param name="effectiveFrom">First discharge date it applies to.</param>
    /// <param name="effectiveTo">Last discharge date it applies to, or null for open-ended.</param>
    /// <param name="crosswalk">The code crosswalk applied before grouping, or null.</param>
    public DrgEdition(DrgGrouper grouper, CalendarDate effectiveFrom, CalendarDate? effectiveTo, CodeCrosswalk? crosswalk)
    {
        Grouper = grouper ?? throw new ArgumentNullException(nameof(grouper));
        if (effectiveTo is { } to && to < effectiveFrom)
        {
            throw new ArgumentException("Edition " + grouper.Pack.Edition + ": effective-to is before effective-from.", nameof(effectiveTo));
        }

        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Crosswalk = crosswalk;
    }

    /// <summary>分组器 — the grouper.</summary>
    public DrgGrouper Grouper { get; }

    /// <summary>生效日期 — first discharge date, inclusive.</summary>
    public CalendarDate EffectiveFrom { get; }

    /// <summary>失效日期 — last discharge date, inclusive; null when open-ended.</summary>
    public CalendarDate? EffectiveTo { get; }

    /// <summary>编码转换 — the crosswalk applied before grouping, or null.</summary>
    public CodeCrosswalk? Crosswalk { get; }

    /// <summary>Whether the edition applies on a discharge date.</summary>
    /// <param name="dischargeDate">The date.</param>
    /// <returns>Whether it is inside the effective range.</returns>
    public bool AppliesOn(CalendarDate dischargeDate) => dischargeDate >= EffectiveFrom && (EffectiveTo is not { } to || dischargeDate <= to);

    internal string Range => Format(EffectiveFrom) + " – " + (EffectiveTo is { } to ? Format(to) : "…");

    private static string Format(CalendarDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// 分组版本登记 — editions side by side: picks the edition by the case's discharge date (出院日期), so a region can switch
/// editions mid-year, maps codes with the edition's crosswalk, then groups. Both steps appear in the trace.
/// </summary>
/// <remarks>Immutable and thread-safe. Overlapping ranges are a configuration error (exception at construction).</remarks>
public sealed class DrgEditionRegistry
{
    /// <summary>Creates a registry.</summary>
    /// <param name="editions">The editions; their effective ranges must not overlap.</param>
    public DrgEditionRegistry(IEnumerable<DrgEdition> editions)
    {
        var list = (editions ?? throw new ArgumentNullException(nameof(editions))).OrderBy(e => e.EffectiveFrom).ToArray();
        for (var i = 1; i < list.Length; i++)
        {
            if (list[i - 1].EffectiveTo is not { } to || to >= list[i].EffectiveFrom)
            {
                throw new ArgumentException("DRG editions overlap: " + list[i - 1].Grouper.Pack.Edition + " (" + list[i - 1].Range + ") and " + list[i].Grouper.Pack.Edition + " (" + list[i].Range + ").", nameof(editions));
            }
        }

        Editions = new ReadOnlyCollection<DrgEdition>(list);
    }

    /// <summary>版本 — the editions, by effective date.</summary>
    public IReadOnlyList<DrgEdition> Editions { get; }

    /// <summary>The edition that applies on a discharge date, or null.</summary>
    /// <param name="dischargeDate">The discharge date.</param>
    /// <returns>The edition, or null when none applies.</returns>
    public DrgEdition? Find(CalendarDate dischargeDate) => Editions.FirstOrDefault(e => e.AppliesOn(dischargeDate));

    /// <summary>Groups a case with the edition of its discharge date (crosswalk first when the edition has one).</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The result; rejected with a coded issue when the date is missing or no edition applies.</returns>
    public DrgResult Group(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        if (inpatientCase.DischargeDate is not { } discharged)
        {
            return Rejected(inpatientCase, ValidationIssue.Error(DrgIssueCodes.DischargeDateMissing, "discharge_date", "缺少出院日期，无法确定分组版本", "The discharge date is missing; no edition can be chosen."));
        }

        var edition = Find(discharged);
        if (edition is null)
        {
            var date = discharged.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return Rejected(inpatientCase, ValidationIssue.Error(DrgIssueCodes.NoEdition, "discharge_date", "出院日期 " + date + " 无适用的分组版本", "No DRG edition applies on the discharge date " + date + "."));
        }

        var steps = new List<DrgTraceStep>
        {
            new(DrgTraceKind.Edition, edition.Grouper.Pack.Edition, "discharge date in " + edition.Range, "出院日期在生效期 " + edition.Range + " 内", string.Empty),
        };
        var issues = new List<ValidationIssue>();
        var c = inpatientCase;
        if (edition.Crosswalk is not null)
        {
            var mapped = edition.Crosswalk.Apply(inpatientCase);
            c = mapped.Case;
            issues.AddRange(mapped.Issues);
            steps.AddRange(mapped.Mappings.Select(m => new DrgTraceStep(DrgTraceKind.Crosswalk, m.Field, m.From + " → " + m.To, m.From + " → " + m.To, string.Empty)));
            if (mapped.Issues.Any(i => i.IsError))
            {
                return new DrgResult(edition.Grouper.Pack.Edition, c.CaseId, DrgStatus.Rejected, string.Empty, string.Empty, string.Empty, issues, Array.Empty<ComplicationFinding>(), new DrgTrace(steps));
            }
        }

        return edition.Grouper.Explain(edition.Grouper.Prepare(c), steps, issues);
    }

    private static DrgResult Rejected(InpatientCase c, ValidationIssue issue) =>
        new(string.Empty, c.CaseId, DrgStatus.Rejected, string.Empty, string.Empty, string.Empty, new[] { issue }, Array.Empty<ComplicationFinding>(), new DrgTrace(new[] { new DrgTraceStep(DrgTraceKind.Input, issue.Code, issue.MessageEn, issue.MessageZh, string.Empty) }));
}
