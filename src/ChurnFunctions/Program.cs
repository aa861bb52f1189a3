using ChurnFunctions.Api;
using ChurnFunctions.Functions.Campaigns;
using ChurnFunctions.Http;
using ChurnFunctions.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions shell: the isolated worker with ASP.NET Core integration, so the HTTP functions get the same
// HttpRequest and IResult handlers the self-host maps, and the same problem+json when one throws. Every registration
// lives in AddChurnFunctions, and the telemetry in AddChurnTelemetry.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// After the ASP.NET Core integration's middleware, which puts the HttpContext on the FunctionContext.
builder.UseMiddleware<HttpExceptionMiddleware>();
builder.Services.AddChurnFunctions(builder.Configuration);
builder.AddChurnTelemetry();
builder.Services.AddDurableCampaigns();
await builder.Build().RunAsync();
