#!/usr/bin/env bash
# Pack every package, install them from a local folder feed into a throwaway console project outside the
# repository, run it, and install and run the medpay dotnet tool — the way a user would.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A unique version keeps the NuGet cache from serving an older build of the same version.
suffix="smoke.$(date +%s)"
version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$repo/Directory.Build.props")-$suffix"

echo "== pack $version"
dotnet pack "$repo/MedInsurance.Payment.sln" -c Release -o "$work/feed" -p:VersionSuffix="$suffix" --nologo -v q
ls "$work/feed"
list_zip() { if command -v unzip >/dev/null; then unzip -l "$1"; else python3 -m zipfile -l "$1"; fi; }
for pkg in "$work"/feed/*.nupkg; do
  listing="$(list_zip "$pkg")"
  grep -q 'README.md' <<<"$listing" || { echo "missing README in $pkg"; exit 1; }
  # The package's own README, not the repository's: its first line names the package.
  id="$(basename "$pkg" | sed 's/\.[0-9][0-9.]*-.*//')"
  head -1 "$(python3 -c 'import sys,zipfile,tempfile,os; z=zipfile.ZipFile(sys.argv[1]); d=tempfile.mkdtemp(); print(z.extract("README.md", d))' "$pkg")" | grep -qx "# $id" || { echo "README of $pkg does not name $id"; exit 1; }
done
ls "$work"/feed/*.snupkg >/dev/null

echo "== consumer project"
dotnet new console -o "$work/consumer" >/dev/null
cat > "$work/consumer/nuget.config" <<CFG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local-feed" value="$work/feed" />
  </packageSources>
</configuration>
CFG
cp "$repo/eng/package-smoke/Program.cs" "$work/consumer/Program.cs"
(cd "$work/consumer" && for p in MedInsurance.Payment.Core MedInsurance.Payment.Interchange MedInsurance.Payment.Extensions.DependencyInjection MedInsurance.Payment.Demo; do
   dotnet add package "$p" --version "$version" >/dev/null; done
   dotnet add package Microsoft.Extensions.DependencyInjection --version "$(sed -n 's:.*"Microsoft.Extensions.DependencyInjection" Version="\([^"]*\)".*:\1:p' "$repo/Directory.Packages.props")" >/dev/null)
dotnet run --project "$work/consumer"

echo "== .NET Framework 4.6.2 host, C# 7.3, against the packed packages (compiled, not run)"
# The same HIS vendor's code the solution compiles against the projects (tests/MedInsurance.Payment.NetFramework.Compile),
# now against the packages as a user installs them: strong-named, reference assemblies from NuGet. Signed with the
# repository's key, so a strong-named host's CS8002 would fail here too.
mkdir -p "$work/net462"
cp "$repo/tests/MedInsurance.Payment.NetFramework.Compile/HisIntegration.cs" "$work/net462/"
cp "$work/consumer/nuget.config" "$work/net462/"
refs=""
for p in Core Interchange Drg Dip Settlement Monitoring Extensions.DependencyInjection Testing PerDiem Methods Capitation Accounts QualityControl Outpatient; do
  refs="$refs    <PackageReference Include=\"MedInsurance.Payment.$p\" Version=\"$version\" />
"
done
di_version="$(sed -n 's:.*"Microsoft.Extensions.DependencyInjection" Version="\([^"]*\)".*:\1:p' "$repo/Directory.Packages.props")"
cat > "$work/net462/His.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net462</TargetFramework>
    <LangVersion>7.3</LangVersion>
    <Nullable>disable</Nullable>
    <OutputType>Library</OutputType>
    <RootNamespace>HisVendor.Integration</RootNamespace>
    <SignAssembly>true</SignAssembly>
    <AssemblyOriginatorKeyFile>$repo/eng/MedInsurance.Payment.snk</AssemblyOriginatorKeyFile>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
$refs    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="$di_version" />
  </ItemGroup>
</Project>
PROJ
dotnet build "$work/net462/His.csproj" -c Release --nologo -v q
echo "== dotnet tool"
dotnet tool install MedInsurance.Payment.Cli --tool-path "$work/tools" --add-source "$work/feed" --version "$version" >/dev/null
"$work/tools/medpay" --version
"$work/tools/medpay" --help | grep -q "cases"
echo "package smoke test: passed"
