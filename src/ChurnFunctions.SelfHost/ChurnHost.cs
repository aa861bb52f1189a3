using ChurnFunctions.Api;
using ChurnFunctions.Api.Http;
using ChurnFunctions.Api.Http.OpenApi;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.SelfHost.Campaigns;
using ChurnFunctions.SelfHost.Configuration;
using ChurnFunctions.SelfHost.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace ChurnFunctions.SelfHost;

/// <summary>The self-host: the same handlers as the Functions app, behind Kestrel, queue listeners and timers.</summary>
public static class ChurnHost
{
    /// <param name="configure">Lets tests and the benchmark replace services before the app is built.</param>
    /// <param name="settings">Settings that win over every other source, applied before registrations read them.</param>
    /// <param name="telemetry">Adds to the OpenTelemetry pipeline (an exporter), building it even with no exporter configured.</param>
    public static WebApplication Build(
        string[] args,
        Action<WebApplicationBuilder>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<OpenTelemetryBuilder>? telemetry = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddFunctionsLocalSettings(Path.Combine(builder.Environment.ContentRootPath, "local.settings.json"));
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Configuration["AzureWebJobsStorage"] ??= "UseDevelopmentStorage=true";

        builder.Services.AddChurnFunctions(builder.Configuration);
        builder.AddChurnTelemetry(telemetry);
        builder.Services.AddChurnOpenApi();
        builder.Services.AddExceptionHandler<ExceptionTypeLogger>();
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = _ => true);
        builder.Services.AddQueueTrigger(
            Core.Triggers.Triggers.IngestQueue,
            (services, message, ct) => services.GetRequiredService<IngestMessageHandler>().HandleAsync(message.Text, message.DequeueCount, ct));
        builder.Services.AddCampaignRuntime();

        foreach (var timer in Core.Triggers.Triggers.Timers)
        {
            // As in Functions, the schedule is read from its app setting; the table's default fills a missing one.
            builder.Configuration[timer.ScheduleSetting] ??= timer.DefaultSchedule;
            builder.Services.AddTimerTrigger(timer.Name, $"%{timer.ScheduleSetting}%", TimerJob(timer.Name));
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseMiddleware<RouteRequestLogging>();
        app.UseExceptionHandler();
        app.MapChurnApi();
        return app;
    }

    private static Func<IServiceProvider, TimerTick, CancellationToken, Task> TimerJob(string timerName) => timerName switch
    {
        "NightlyScoring" => (services, _, ct) => services.GetRequiredService<ScoringJob>().RunAsync(null, ct),
        "CampaignEnrollment" => (services, _, ct) => services.GetRequiredService<CampaignEnrollmentJob>().RunAsync(ct),
        "PrivacyRetention" => (services, _, ct) => services.GetRequiredService<PrivacyService>().ApplyRetentionAsync(ct),
        _ => throw new InvalidOperationException($"No self-host job for timer '{timerName}'."),
    };
}
