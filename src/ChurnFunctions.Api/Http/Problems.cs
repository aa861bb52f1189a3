using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>application/problem+json answers, the same in both hosts.</summary>
public static class Problems
{
    public static IResult Status(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail, title: "The request has invalid fields.");

    public static IResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, "Not found.", detail);

    /// <summary>503 with Retry-After, so webhook platforms retry the delivery later.</summary>
    public static IResult Unavailable(string detail, int retryAfterSeconds = 5) =>
        new ResultWithHeader(Status(StatusCodes.Status503ServiceUnavailable, "Service unavailable.", detail), "Retry-After", retryAfterSeconds.ToString());
}
