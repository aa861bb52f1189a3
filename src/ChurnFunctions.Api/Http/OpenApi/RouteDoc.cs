namespace ChurnFunctions.Api.Http.OpenApi;

/// <summary>What the OpenAPI document says of one route beyond its method and path: a summary, who may call it, its query.</summary>
public sealed record RouteDoc(string Summary, RouteAuth Auth, params IReadOnlyList<RouteQuery> Query);
