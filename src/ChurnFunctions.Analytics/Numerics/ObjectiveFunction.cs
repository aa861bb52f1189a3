namespace ChurnFunctions.Analytics.Numerics;

/// <summary>Returns f(x) and writes the gradient into <paramref name="gradient"/>.</summary>
internal delegate double ObjectiveFunction(ReadOnlySpan<double> x, Span<double> gradient);
