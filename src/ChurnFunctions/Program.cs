using ChurnFunctions.Api;
using ChurnFunctions.Functions.Campaigns;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions shell: the isolated worker with ASP.NET Core integration, so the HTTP functions get the same
// HttpRequest and IResult handlers the self-host maps. Every registration lives in AddChurnFunctions.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddChurnFunctions(builder.Configuration);
builder.Services.AddDurableCampaigns();
await builder.Build().RunAsync();
