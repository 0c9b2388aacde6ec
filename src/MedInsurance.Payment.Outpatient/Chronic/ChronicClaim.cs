using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Outpatient;

/// <summary>门诊慢特病结算 — one outpatient claim (its item lines) with its diagnosis, as the chronic calculator reads it.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ChronicClaim
{
    /// <summary>Creates a claim from its item lines (one claim id, person, institution, fund, date and diagnosis).</summary>
    /// <param name="items">The lines (at least one).</param>
    /// <exception cref="ArgumentException">When the lines are empty or do not form one claim.</exception>
    public ChronicClaim(IReadOnlyList<OutpatientItem> items)
    {
        if (items is null || items.Count == 0)
        {
            throw new ArgumentException("A claim has at least one item.", nameof(items));
        }

        var first = items[0];
        foreach (var item in items)
        {
            if (!string.Equals(item.ClaimId, first.ClaimId, StringComparison.Ordinal) || item.ServiceDate != first.ServiceDate || item.Fund != first.Fund
                || !string.Equals(item.PersonId, first.PersonId, StringComparison.Ordinal) || !string.Equals(item.InstitutionId, first.InstitutionId, StringComparison.Ordinal))
            {
                throw new ArgumentException("The items do not form one claim.", nameof(items));
            }
        }

        Items = items;
    }

    /// <summary>结算编号.</summary>
    public string ClaimId => Items[0].ClaimId;

    /// <summary>人员编号.</summary>
    public string PersonId => Items[0].PersonId;

    /// <summary>定点医疗机构编码.</summary>
    public string InstitutionId => Items[0].InstitutionId;

    /// <summary>险种.</summary>
    public InsuranceFund Fund => Items[0].Fund;

    /// <summary>就诊日期 (<c>yyyyMMdd</c>).</summary>
    public int ServiceDate => Items[0].ServiceDate;

    /// <summary>诊断编码.</summary>
    public string Diagnosis => Items[0].Diagnosis;

    /// <summary>明细.</summary>
    public IReadOnlyList<OutpatientItem> Items { get; }
}

/// <summary>
/// 慢特病结算收集 — turns item records into claims: the lines of a claim must be contiguous (a claim id seen again after
/// other claims is rejected with <see cref="OutpatientIssueCodes.ClaimNotContiguous"/>); a claim with two dates, persons,
/// institutions, funds or diagnoses, or with a rejected line, is rejected whole. Claims may come in any order: the
/// calculator orders them. Memory holds the claims (the chronic volume of a region-year) and their ids.
/// </summary>
public static class ChronicClaims
{
    /// <summary>Collects claims.</summary>
    /// <param name="records">The item records in file order.</param>
    /// <param name="rejected">Called for each rejected row with its issues.</param>
    /// <returns>The readable claims in input order.</returns>
    public static IReadOnlyList<ChronicClaim> Collect(IEnumerable<OutpatientItemRecord> records, Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> rejected)
    {
        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        if (rejected is null)
        {
            throw new ArgumentNullException(nameof(rejected));
        }

        var claims = new List<ChronicClaim>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var run = new ClaimRun();
        foreach (var record in records)
        {
            if (record.IsRejected && record.Item.ClaimId.Length == 0)
            {
                rejected(record, record.Issues);
                continue;
            }

            if (!run.IsEmpty && !run.Continues(record))
            {
                Finish(run, seen, claims, rejected);
            }

            run.Add(record);
        }

        if (!run.IsEmpty)
        {
            Finish(run, seen, claims, rejected);
        }

        return claims;
    }

    private static void Finish(ClaimRun run, HashSet<string> seen, List<ChronicClaim> claims, Action<OutpatientItemRecord, IReadOnlyList<ValidationIssue>> rejected)
    {
        var problem = run.Problem(oneDiagnosis: true);
        if (problem is null && !seen.Add(run.ClaimId))
        {
            problem = ValidationIssue.Error(OutpatientIssueCodes.ClaimNotContiguous, "claim_id", "同一结算的明细不连续（中间夹有其他结算）", "The claim id reappears after other claims: the lines of a claim must be contiguous.");
        }

        if (problem is not null)
        {
            foreach (var record in run.Records)
            {
                rejected(record, record.IsRejected ? record.Issues : [problem]);
            }
        }
        else
        {
            var items = new OutpatientItem[run.Records.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = run.Records[i].Item;
            }

            claims.Add(new ChronicClaim(items));
        }

        run.Clear();
    }
}
