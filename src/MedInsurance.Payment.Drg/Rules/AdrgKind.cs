namespace MedInsurance.Payment.Drg.Rules;

/// <summary>ADRG类别 — the kind of a core group, given by the second letter of its code (CHS-DRG 1.1 §3.2 命名规则).</summary>
public enum AdrgKind
{
    /// <summary>外科手术部分 — operating-room procedure groups, second letter A–J.</summary>
    Surgical = 0,

    /// <summary>非手术室操作部分 — non-operating-room procedure groups, second letter K–Q.</summary>
    NonOperatingRoom = 1,

    /// <summary>内科部分 — medical groups, second letter R–Z.</summary>
    Medical = 2,
}
