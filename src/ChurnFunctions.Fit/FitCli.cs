using System.Globalization;
using ChurnFunctions.Analytics.IO;
using ChurnFunctions.Analytics.Runner;

namespace ChurnFunctions.Fit;

/// <summary>
/// The arguments of `churn fit`, parsed by hand: a command-line library's start-up would cost more than the
/// parsing of six options, and this executable exists to start fast.
/// </summary>
public static class FitCli
{
    public const string Usage =
        "usage: churn-fit --transactions FILE --format cdnow|csv --calibration-end yyyy-MM-dd --observation-end yyyy-MM-dd [--model bgnbd|pareto|gg|mbgnbd|all] [--json]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                case "--transactions" or "--format" or "--calibration-end" or "--observation-end" or "--model" when i + 1 < args.Count:
                    values[args[i]] = args[++i];
                    break;
                default:
                    error.WriteLine($"Unexpected argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        string[] required = ["--transactions", "--format", "--calibration-end", "--observation-end"];
        if (required.FirstOrDefault(r => !values.ContainsKey(r)) is { } missing)
        {
            error.WriteLine($"Option '{missing}' is required.");
            error.WriteLine(Usage);
            return 2;
        }

        if (values["--format"] is not ("cdnow" or "csv"))
        {
            error.WriteLine("--format must be cdnow or csv.");
            return 2;
        }

        if (!TryDate(values["--calibration-end"], out var calibration) || !TryDate(values["--observation-end"], out var observation))
        {
            error.WriteLine("--calibration-end and --observation-end must be dates as yyyy-MM-dd.");
            return 2;
        }

        try
        {
            var report = new FitRunner().Run(
                Path.GetFullPath(values["--transactions"]), values["--format"], calibration, observation, values.GetValueOrDefault("--model", "all"));
            output.WriteLine(json ? report.ToJson() : report.ToText());
            return 0;
        }
        catch (Exception ex) when (ex is TransactionFileException or IOException or ArgumentException or InvalidOperationException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
