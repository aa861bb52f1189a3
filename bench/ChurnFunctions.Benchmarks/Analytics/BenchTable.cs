namespace ChurnFunctions.Benchmarks.Analytics;

/// <summary>Fixed-width console table: step, wall time, CPU time (all cores), and a detail column.</summary>
internal sealed class BenchTable(string title)
{
    private readonly List<(string Step, string Wall, string Cpu, string Detail)> _rows = [];

    public void Add(string step, StepTimer? timer, string detail = "") =>
        _rows.Add((step, timer is null ? "" : $"{timer.Wall.TotalMilliseconds,10:N1} ms", timer is null ? "" : $"{timer.Cpu.TotalMilliseconds,10:N1} ms", detail));

    public void Print()
    {
        var stepWidth = Math.Max(4, _rows.Max(r => r.Step.Length));
        var rule = new string('-', stepWidth + 80);
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(rule);
        Console.WriteLine($"{"Step".PadRight(stepWidth)} | {"Wall",13} | {"CPU",13} | Detail");
        Console.WriteLine(rule);
        foreach (var (step, wall, cpu, detail) in _rows) Console.WriteLine($"{step.PadRight(stepWidth)} | {wall,13} | {cpu,13} | {detail}");
        Console.WriteLine(rule);
    }
}
