namespace ChurnFunctions.Analytics.Runner;

/// <summary>Parses the CLI's model list: bgnbd, pareto, gg, mbgnbd or all, comma-separated.</summary>
public static class ModelSetParser
{
    public static ModelSet Parse(string models)
    {
        var set = ModelSet.None;
        foreach (var part in models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            set |= part.ToLowerInvariant() switch
            {
                "bgnbd" => ModelSet.BgNbd,
                "pareto" => ModelSet.ParetoNbd,
                "gg" => ModelSet.GammaGamma,
                "mbgnbd" => ModelSet.ModifiedBgNbd,
                "all" => ModelSet.All,
                _ => throw new ArgumentException($"Unknown model '{part}': use bgnbd, pareto, gg, mbgnbd or all.", nameof(models)),
            };
        }

        return set == ModelSet.None ? throw new ArgumentException("No model selected.", nameof(models)) : set;
    }
}
