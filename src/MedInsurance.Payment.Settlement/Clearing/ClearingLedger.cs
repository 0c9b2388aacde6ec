using System.Collections.Generic;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 清算台账 — the accepted lines summed into integer cells (points at the policy's decimals, money in fen), per hospital ×
/// pool × month for points and per hospital × slot × month for money (slot = the pool a money line draws on, or the last
/// slot for "outside every pool"). Integer addition is associative, so the ledger is the same for any line order and
/// any number of threads.
/// </summary>
internal sealed class ClearingLedger
{
    public const int Months = 12;

    public ClearingLedger(int hospitals, int pools, int conversions = 0)
    {
        Hospitals = hospitals;
        Pools = pools;
        Conversions = conversions;
        ConvertedFen = new long[hospitals * conversions * pools * Months];
        ConvertedPatient = new long[hospitals * conversions * pools * Months];
        ConvertedCount = new int[hospitals * conversions * pools * Months];
        Points = new long[hospitals * pools * Months];
        PointsPatient = new long[hospitals * pools * Months];
        PointsCount = new int[hospitals * pools * Months];
        MoneyAmount = new long[hospitals * (pools + 1) * Months];
        MonthCount = new int[hospitals * Months];
        MonthAudit = new long[hospitals * Months];
        FundPaid = new long[hospitals];
        FundPaidUnknown = new int[hospitals];
        TotalCost = new long[hospitals];
        PatientPaid = new long[hospitals];
    }

    public int Hospitals { get; }

    public int Pools { get; }

    /// <summary>The policy's point-conversion rules (全区域点数法).</summary>
    public int Conversions { get; }

    /// <summary>Money of converted lines per hospital × rule × pool × month, in fen (converted once per cell after intake).</summary>
    public long[] ConvertedFen { get; }

    /// <summary>Patients' share of the converted lines per cell, in fen.</summary>
    public long[] ConvertedPatient { get; }

    /// <summary>Converted lines per cell.</summary>
    public int[] ConvertedCount { get; }

    public long[] Points { get; }

    public long[] PointsPatient { get; }

    public int[] PointsCount { get; }

    public long[] MoneyAmount { get; }

    public int[] MonthCount { get; }

    public long[] MonthAudit { get; }

    public long[] FundPaid { get; }

    public int[] FundPaidUnknown { get; }

    public long[] TotalCost { get; }

    public long[] PatientPaid { get; }

    public Dictionary<string, int> MethodCounts { get; } = new(System.StringComparer.Ordinal);

    public List<LineIssue> Issues { get; } = new();

    public List<SpecialReviewCandidate> Special { get; } = new();

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public int PointCell(int h, int p, int m) => ((h * Pools) + p) * Months + m;

    public int MoneyCell(int h, int slot, int m) => ((h * (Pools + 1)) + slot) * Months + m;

    public int Outside => Pools;

    public int ConvertedCell(int h, int k, int p, int m) => ((((h * Conversions) + k) * Pools) + p) * Months + m;

    public void Merge(ClearingLedger other)
    {
        Add(Points, other.Points);
        Add(PointsPatient, other.PointsPatient);
        Add(MoneyAmount, other.MoneyAmount);
        Add(MonthAudit, other.MonthAudit);
        Add(FundPaid, other.FundPaid);
        Add(TotalCost, other.TotalCost);
        Add(PatientPaid, other.PatientPaid);
        Add(ConvertedFen, other.ConvertedFen);
        Add(ConvertedPatient, other.ConvertedPatient);
        Add(ConvertedCount, other.ConvertedCount);
        Add(PointsCount, other.PointsCount);
        Add(MonthCount, other.MonthCount);
        Add(FundPaidUnknown, other.FundPaidUnknown);
        foreach (var pair in other.MethodCounts)
        {
            MethodCounts[pair.Key] = (MethodCounts.TryGetValue(pair.Key, out var n) ? n : 0) + pair.Value;
        }

        Issues.AddRange(other.Issues);
        Special.AddRange(other.Special);
        Accepted += other.Accepted;
        Rejected += other.Rejected;
    }

    private static void Add(long[] into, long[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = checked(into[i] + from[i]);
        }
    }

    private static void Add(int[] into, int[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = checked(into[i] + from[i]);
        }
    }
}

/// <summary>An approved special-review line as taken in: where its basis sits in the ledger and what was approved.</summary>
internal readonly record struct SpecialReviewCandidate(int Index, string LineId, string Method, int Hospital, int Month, int Slot, bool IsPoints, long Points, Money PatientPaid, Money Amount, Money Approved);
