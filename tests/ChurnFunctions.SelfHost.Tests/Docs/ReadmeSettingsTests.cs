using System.Reflection;
using System.Text.RegularExpressions;
using ChurnFunctions.Testing;

namespace ChurnFunctions.SelfHost.Tests.Docs;

/// <summary>
/// The README's configuration table is where a newcomer looks for a setting: every option the hosts bind must be in
/// it, so a new option cannot ship undocumented.
/// </summary>
public sealed partial class ReadmeSettingsTests
{
    // Not child keys of their section: "AzureWebJobsStorage" itself is the connection string, and the storage
    // adapter's tuning knobs are set in code, never read from configuration.
    private static readonly HashSet<string> BoundOtherwise =
    [
        "AzureWebJobsStorage__ConnectionString",
        "AzureWebJobsStorage__AttemptTimeout", "AzureWebJobsStorage__MaxRetries", "AzureWebJobsStorage__RetryBaseDelay",
    ];

    // Declared with a section for the analytics library's callers, but not bound by the hosts: the scoring job sets its
    // horizon from Analytics__ExpectedPurchasesHorizonDays and fits with the optimizer's defaults.
    private static readonly HashSet<string> NotBoundByTheHosts = ["Analytics:Scoring", "Analytics:Optimizer"];

    [Fact]
    public void Every_setting_the_hosts_bind_is_in_the_readme_configuration_table()
    {
        var documented = DocumentedSettings(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")));

        var missing = OptionsClasses()
            .SelectMany(t => Settings(((string)t.GetField("SectionName")!.GetRawConstantValue()!).Replace(":", "__", StringComparison.Ordinal), t, 0))
            .Where(s => !BoundOtherwise.Contains(s) && !documented.Contains(s))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, "Settings missing from the README's configuration table: " + string.Join(", ", missing));
    }

    [Fact]
    public void Reads_shorthand_rows_of_the_table_as_full_setting_names()
    {
        var documented = DocumentedSettings("""
            ## Configuration
            | Setting | Default | Meaning |
            |---|---|---|
            | `Alerts__StaffEmail`, `__StaffPhone` | | where |
            ## Next
            | `Other__Thing` | | not the table |
            """);

        Assert.Equal(["Alerts__StaffEmail", "Alerts__StaffPhone"], documented.Order(StringComparer.Ordinal));
    }

    private static HashSet<string> DocumentedSettings(string readme)
    {
        var section = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        var end = section.IndexOf("\n## ", 3, StringComparison.Ordinal);
        section = end < 0 ? section : section[..end];

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in section.Split('\n').Where(l => l.StartsWith('|')))
        {
            // Only the first cell names settings; "`__X`" continues the section of the row's first full name.
            var cell = row.Split('|', StringSplitOptions.TrimEntries)[1];
            string? prefix = null;
            foreach (Match m in Code().Matches(cell))
            {
                var name = m.Groups[1].Value;
                if (name.StartsWith("__", StringComparison.Ordinal) && prefix is not null)
                {
                    names.Add(prefix + name);
                }
                else if (!name.StartsWith("__", StringComparison.Ordinal))
                {
                    names.Add(name);
                    var cut = name.LastIndexOf("__", StringComparison.Ordinal);
                    prefix ??= cut > 0 ? name[..cut] : null;
                }
            }
        }

        return names;
    }

    private static IEnumerable<Type> OptionsClasses() =>
        ProductAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && !NotBoundByTheHosts.Contains((string)field.GetRawConstantValue()!));

    private static IEnumerable<Assembly> ProductAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(ChurnHost).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("ChurnFunctions", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return seen.Values;
    }

    private static IEnumerable<string> Settings(string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var name = prefix + "__" + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsNested(propertyType) && depth < 3)
            {
                foreach (var nested in Settings(name, propertyType, depth + 1))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return name;
            }
        }
    }

    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    [GeneratedRegex("`([A-Za-z_][A-Za-z0-9_]*)`")]
    private static partial Regex Code();
}
