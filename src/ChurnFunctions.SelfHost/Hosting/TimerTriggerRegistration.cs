namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>A timer job the <see cref="TimerTriggerService"/> runs: its name, schedule and work.</summary>
/// <param name="Job">Runs with a scoped service provider created for the run.</param>
/// <param name="RunOnStartup">Also run once as soon as the service starts, as the Functions attribute's RunOnStartup.</param>
public sealed record TimerTriggerRegistration(
    string Name,
    TimerSchedule Schedule,
    Func<IServiceProvider, TimerTick, CancellationToken, Task> Job,
    bool RunOnStartup = false);
