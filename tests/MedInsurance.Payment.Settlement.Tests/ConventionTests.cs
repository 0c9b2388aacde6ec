using System;
using System.Linq;
using System.Reflection;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>The repository's design rules, checked over the settlement assembly.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Settlement = typeof(ClearingEngine).Assembly;

    [Fact]
    public void Public_classes_are_sealed_or_static() =>
        Assert.Empty(Settlement.GetExportedTypes().Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t)).Select(t => t.FullName));

    [Fact]
    public void Public_structs_are_readonly() =>
        Assert.Empty(Settlement.GetExportedTypes().Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute), false)).Select(t => t.FullName));

    [Fact]
    public void No_public_signature_uses_floating_point()
    {
        var offenders = Settlement.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m switch
            {
                PropertyInfo p => IsFloat(p.PropertyType),
                FieldInfo f => IsFloat(f.FieldType),
                MethodInfo mi => IsFloat(mi.ReturnType) || mi.GetParameters().Any(p => IsFloat(p.ParameterType)),
                ConstructorInfo c => c.GetParameters().Any(p => IsFloat(p.ParameterType)),
                _ => false,
            })
            .Select(m => m.DeclaringType!.Name + "." + m.Name);
        Assert.Empty(offenders);
    }

    private static bool IsFloat(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(double) || t == typeof(float);
    }
}
