namespace ChurnFunctions.Core.Triggers;

/// <summary>An HTTP route both hosts serve, relative to /api (the Functions route prefix).</summary>
public sealed record HttpTrigger(string Name, string Method, string Route);
