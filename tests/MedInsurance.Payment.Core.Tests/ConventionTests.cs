using System;
using System.Linq;
using System.Reflection;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>Design rules checked by reflection over the shipped assemblies (NodaTime-style convention tests).</summary>
public sealed class ConventionTests
{
    public static TheoryData<string> Assemblies() => new() { typeof(Money).Assembly.GetName().Name!, typeof(CaseCsvReader).Assembly.GetName().Name! };

    private static Assembly Load(string name) => Assembly.Load(name);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Public_classes_are_sealed_static_or_abstract_by_design(string assembly)
    {
        var open = Load(assembly).GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(open);
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Public_structs_are_readonly(string assembly)
    {
        var mutable = Load(assembly).GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute), false))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(mutable);
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_public_signature_uses_floating_point(string assembly)
    {
        var offenders = Load(assembly).GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => FloatingTypes(m).Any())
            .Select(m => m.DeclaringType!.FullName + "." + m.Name)
            .ToList();
        Assert.Empty(offenders);
    }

    private static System.Collections.Generic.IEnumerable<Type> FloatingTypes(MemberInfo member)
    {
        var types = member switch
        {
            PropertyInfo p => new[] { p.PropertyType },
            FieldInfo f => new[] { f.FieldType },
            MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType).ToArray(),
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType).ToArray(),
            _ => Array.Empty<Type>(),
        };
        return types.Select(t => Nullable.GetUnderlyingType(t) ?? t).Where(t => t == typeof(double) || t == typeof(float));
    }
}
