namespace ChurnFunctions.Api.Http.OpenApi;

/// <summary>A query parameter a handler reads from the request itself (so the generator cannot see it).</summary>
public sealed record RouteQuery(string Name, string Description, bool Required = false);
