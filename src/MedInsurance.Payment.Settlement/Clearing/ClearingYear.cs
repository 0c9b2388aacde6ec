using System.Collections.Generic;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 清算年度 — the state one clearing run passes from step to step: the policy, the hospitals in id order, the ledger of
/// accepted lines summed per year, the statement recorder every step writes through, and the issues.
/// </summary>
internal sealed class ClearingYear
{
    public const int Months = ClearingLedger.Months;

    public ClearingYear(SettlementPolicy policy, SettlementHospital[] hospitals, ClearingLedger ledger)
    {
        Policy = policy;
        Hospitals = hospitals;
        Ledger = ledger;
        var n = hospitals.Length;
        var pools = policy.Pools.Count;
        Scale = LineIntake.Scale(policy.UnitDecimals);
        PayRule = policy.MoneyRule(RoundingStep.AnnualPayable);
        Recorder = new StatementRecorder(n);
        Issues = new List<LineIssue>(ledger.Issues);
        Points = new long[n, pools];
        PointsPatient = new long[n, pools];
        MoneyLines = new long[n, pools + 1];
        LineCount = new int[n];
        Audit = new long[n];
        for (var h = 0; h < n; h++)
        {
            for (var m = 0; m < Months; m++)
            {
                LineCount[h] += ledger.MonthCount[(h * Months) + m];
                Audit[h] += ledger.MonthAudit[(h * Months) + m];
                for (var p = 0; p < pools; p++)
                {
                    var cell = ledger.PointCell(h, p, m);
                    Points[h, p] += ledger.Points[cell];
                    PointsPatient[h, p] += ledger.PointsPatient[cell];
                }

                for (var s = 0; s <= pools; s++)
                {
                    MoneyLines[h, s] += ledger.MoneyAmount[ledger.MoneyCell(h, s, m)];
                }
            }
        }
    }

    public SettlementPolicy Policy { get; }

    public SettlementHospital[] Hospitals { get; }

    public ClearingLedger Ledger { get; }

    public int Count => Hospitals.Length;

    /// <summary>10^unitDecimals: points are held as integers at the policy's decimals.</summary>
    public long Scale { get; }

    public RoundingRule PayRule { get; }

    public StatementRecorder Recorder { get; }

    public List<LineIssue> Issues { get; }

    /// <summary>Annual points per hospital × pool (approved special-review lines removed by that step).</summary>
    public long[,] Points { get; }

    /// <summary>Annual patients' share of the point lines per hospital × pool.</summary>
    public long[,] PointsPatient { get; }

    /// <summary>Annual money lines per hospital × slot (a pool, or the last slot for outside every pool), in fen.</summary>
    public long[,] MoneyLines { get; }

    public int[] LineCount { get; }

    public long[] Audit { get; }

    /// <summary>Approved special-review payments per hospital × slot, rounded at the annual-payable step.</summary>
    public Money[,] Special { get; set; } = new Money[0, 0];

    public int[] SpecialCount { get; set; } = [];

    public static string N(decimal value) => MonthlyPreSettlement.N(value);
}
