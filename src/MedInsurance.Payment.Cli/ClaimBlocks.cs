using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 门诊结算记录分块入账 — adds a block of read claim records to a capitation year: the readable claims of the block in
/// one <see cref="CapitationCalculation.AddRange(IReadOnlyList{OutpatientClaim}, int)"/> (memory reads overlapped, on
/// up to <c>threads</c> threads), unreadable rows counted as rejected; then every record with an issue (the reader's and
/// the calculation's together) is reported, in input order. Not thread-safe; one per run.
/// </summary>
internal sealed class ClaimBlocks
{
    /// <summary>Claims per block.</summary>
    public const int Size = 4_096;

    private readonly CapitationCalculation _calculation;
    private readonly int _threads;
    private readonly List<OutpatientClaim> _claims = new(Size);
    private readonly List<int> _recordOf = new(Size);

    public ClaimBlocks(CapitationCalculation calculation, int threads)
    {
        _calculation = calculation;
        _threads = threads;
    }

    /// <summary>Adds a block; <paramref name="report"/> gets each record that has issues, with them, in order.</summary>
    public void Add(IReadOnlyList<ClaimRecord> block, Action<ClaimRecord, IReadOnlyList<ValidationIssue>> report)
    {
        _claims.Clear();
        _recordOf.Clear();
        for (var i = 0; i < block.Count; i++)
        {
            if (block[i].IsRejected)
            {
                _calculation.AddUnreadable();
            }
            else
            {
                _claims.Add(block[i].Claim);
                _recordOf.Add(i);
            }
        }

        var outcomes = _calculation.AddRange(_claims, _threads);
        var next = 0;
        for (var i = 0; i < block.Count; i++)
        {
            IReadOnlyList<ValidationIssue> issues = block[i].Issues;
            if (next < outcomes.Count && _recordOf[outcomes[next].Index] == i)
            {
                issues = issues.Count == 0 ? outcomes[next].Issues : issues.Concat(outcomes[next].Issues).ToList();
                next++;
            }

            if (issues.Count > 0)
            {
                report(block[i], issues);
            }
        }
    }
}
