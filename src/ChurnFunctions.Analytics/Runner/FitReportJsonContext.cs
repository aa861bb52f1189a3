using System.Text.Json.Serialization;

namespace ChurnFunctions.Analytics.Runner;

/// <summary>
/// The fit report's JSON written by source generation: the native AOT `churn-fit` has no reflection-based
/// serializer, and the in-process `churn fit` prints the same document.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(FitRunReport))]
internal sealed partial class FitReportJsonContext : JsonSerializerContext;
