using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>The design rules of the Core convention tests, applied to the DIP assembly.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Dip = typeof(DipScorer).Assembly;

    [Fact]
    public void Public_classes_are_sealed_or_static()
    {
        Assert.Empty(Dip.GetExportedTypes().Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName));
    }

    [Fact]
    public void Public_structs_are_readonly()
    {
        Assert.Empty(Dip.GetExportedTypes().Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(IsReadOnlyAttribute), false)).Select(t => t.FullName));
    }

    [Fact]
    public void No_public_signature_uses_floating_point()
    {
        var offenders = Dip.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => Types(m).Any(t => (Nullable.GetUnderlyingType(t) ?? t) is var u && (u == typeof(double) || u == typeof(float))))
            .Select(m => m.DeclaringType!.FullName + "." + m.Name);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Issue_codes_are_unique_upper_snake_case()
    {
        var codes = typeof(DipIssueCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^DIP_[A-Z0-9_]+$", c));
    }

    private static Type[] Types(MemberInfo member) => member switch
    {
        PropertyInfo p => new[] { p.PropertyType },
        FieldInfo f => new[] { f.FieldType },
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType).ToArray(),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType).ToArray(),
        _ => Array.Empty<Type>(),
    };
}
