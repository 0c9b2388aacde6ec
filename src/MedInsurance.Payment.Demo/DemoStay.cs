using System;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Demo;

/// <summary>示例住院 — a demo case with the ward (病区) per-diem eligibility reads (e.g. <c>rehabilitation</c>); null when none.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class DemoStay
{
    /// <summary>Creates a stay.</summary>
    /// <param name="inpatientCase">医保结算清单 — the case.</param>
    /// <param name="ward">病区类型 — the ward type, or null.</param>
    public DemoStay(InpatientCase inpatientCase, string? ward)
    {
        Case = inpatientCase ?? throw new ArgumentNullException(nameof(inpatientCase));
        Ward = ward;
    }

    /// <summary>医保结算清单 — the case.</summary>
    public InpatientCase Case { get; }

    /// <summary>病区类型 — the ward type, or null.</summary>
    public string? Ward { get; }
}
