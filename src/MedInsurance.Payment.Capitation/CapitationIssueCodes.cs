namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 按人头付费问题代码 — the stable codes of capitation issues: policy errors (thrown at load, naming file, line and
/// field) and roster and claim rows (each row accepted or rejected with its codes; nothing is dropped silently).
/// Messages never carry patient values: a person id may name the row, never a diagnosis, an age or a cost.
/// </summary>
public static class CapitationIssueCodes
{
    /// <summary>The policy JSON is malformed or a field has the wrong type.</summary>
    public const string PolicyJsonInvalid = "CAPITATION_POLICY_JSON_INVALID";

    /// <summary>A required policy field is missing.</summary>
    public const string PolicyFieldRequired = "CAPITATION_POLICY_FIELD_REQUIRED";

    /// <summary>A policy value is outside its allowed range or not one of the allowed words.</summary>
    public const string PolicyValueInvalid = "CAPITATION_POLICY_VALUE_INVALID";

    /// <summary>Two population classes share a code.</summary>
    public const string PolicyClassDuplicated = "CAPITATION_POLICY_CLASS_DUPLICATED";

    /// <summary>The monthly advance schedule does not have 12 non-negative shares summing to 1.</summary>
    public const string PolicyScheduleInvalid = "CAPITATION_POLICY_SCHEDULE_INVALID";

    /// <summary>Risk-sharing or score bands are not ascending, or a share is outside 0–1.</summary>
    public const string PolicyBandsInvalid = "CAPITATION_POLICY_BANDS_INVALID";

    /// <summary>A required roster or claim field is empty.</summary>
    public const string FieldRequired = "CAPITATION_FIELD_REQUIRED";

    /// <summary>A roster or claim field cannot be read (not a number, not a date, not yes/no).</summary>
    public const string FieldInvalid = "CAPITATION_FIELD_INVALID";

    /// <summary>The person's class is not a class of the policy.</summary>
    public const string ClassUnknown = "CAPITATION_CLASS_UNKNOWN";

    /// <summary>Enrolment months outside 1–12 or from after to.</summary>
    public const string MonthsInvalid = "CAPITATION_MONTHS_INVALID";

    /// <summary>The person is enrolled twice in the same month (at two institutions, or twice at one): every overlapping row is rejected.</summary>
    public const string EnrolmentOverlap = "CAPITATION_ENROLMENT_OVERLAP";

    /// <summary>The row is not signed and the policy's basis is signed persons: it is accepted and counts no budget.</summary>
    public const string NotSigned = "CAPITATION_NOT_SIGNED";

    /// <summary>The claim's person is not on the roster.</summary>
    public const string PersonNotOnRoster = "CAPITATION_PERSON_NOT_ON_ROSTER";

    /// <summary>The claim's person is on the roster only in rejected rows.</summary>
    public const string PersonEnrolmentRejected = "CAPITATION_PERSON_ENROLMENT_REJECTED";

    /// <summary>The claim's date is before the person's first enrolled month.</summary>
    public const string ClaimBeforeEnrolment = "CAPITATION_CLAIM_BEFORE_ENROLMENT";

    /// <summary>The claim's date is after the last enrolled month, or in a gap between enrolments.</summary>
    public const string ClaimOutsideEnrolment = "CAPITATION_CLAIM_OUTSIDE_ENROLMENT";

    /// <summary>The claim's date is not in the policy year.</summary>
    public const string ClaimOutsideYear = "CAPITATION_CLAIM_OUTSIDE_YEAR";

    /// <summary>A negative amount.</summary>
    public const string AmountNegative = "CAPITATION_AMOUNT_NEGATIVE";

    /// <summary>A referral without a target institution.</summary>
    public const string ReferralTargetMissing = "CAPITATION_REFERRAL_TARGET_MISSING";

    /// <summary>A referral written by an institution that is not the person's enrolled institution that month.</summary>
    public const string ReferralNotFromEnrolledInstitution = "CAPITATION_REFERRAL_NOT_FROM_ENROLLED_INSTITUTION";

    /// <summary>Care at another institution without a referral: counted in the enrolled institution's spend (a warning).</summary>
    public const string ClaimElsewhere = "CAPITATION_CLAIM_ELSEWHERE";

    /// <summary>The referral charges of an institution exceed its budget: its settlement lines carry 0 (a warning).</summary>
    public const string ReferralExceedsBudget = "CAPITATION_REFERRAL_EXCEEDS_BUDGET";

    /// <summary>An institution in the institutions file has no roster row (a warning; it has no statement).</summary>
    public const string InstitutionWithoutRoster = "CAPITATION_INSTITUTION_WITHOUT_ROSTER";
}
