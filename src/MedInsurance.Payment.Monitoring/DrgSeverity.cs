namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// CHS-DRG 细分位 — the fourth character of a DRG code: 1 with major complications (MCC), 3 with complications (CC),
/// 5 without, 9 not split (docs/formats-drg.md, 3_DRG.txt). The upcoding signal compares 1 and 3 against 5 within an ADRG.
/// </summary>
internal static class DrgSeverity
{
    /// <summary>The ADRG (first three characters) and whether the DRG is severe (1 or 3), for a split DRG; false for
    /// anything else (9, QY, 0000, DIP groups).</summary>
    public static bool TryRead(string group, out string adrg, out bool severe)
    {
        adrg = string.Empty;
        severe = false;
        if (group.Length != 4 || !char.IsLetter(group[0]) || !char.IsLetter(group[1]) || !char.IsDigit(group[2]))
        {
            return false;
        }

        switch (group[3])
        {
            case '1':
            case '3':
                severe = true;
                break;
            case '5':
                break;
            default:
                return false;
        }

        adrg = group.Substring(0, 3);
        return true;
    }

    /// <summary>The related-group key of split admissions: the ADRG of a DRG, the diagnosis part of a DIP group (before
    /// the first <c>:</c>), else the group itself (a <c>DX:</c> diagnosis-category stand-in is its own key).</summary>
    public static string Related(string group)
    {
        if (group.Length == 4 && char.IsLetter(group[0]) && char.IsLetter(group[1]) && char.IsDigit(group[2]))
        {
            return group.Substring(0, 3);
        }

        if (group.StartsWith("DX:", System.StringComparison.Ordinal))
        {
            return group;
        }

        var colon = group.IndexOf(':');
        return colon > 0 ? group.Substring(0, colon) : group;
    }
}
