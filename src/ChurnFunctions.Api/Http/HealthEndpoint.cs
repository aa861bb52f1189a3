using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

public sealed class HealthEndpoint(TimeProvider time)
{
    public IResult Get() => TypedResults.Ok(new { status = "healthy", time = time.GetUtcNow() });
}
