namespace ChurnFunctions.Fakes;

/// <summary>Marker so the project builds before the fakes land.</summary>
internal static class FakesAssembly;
