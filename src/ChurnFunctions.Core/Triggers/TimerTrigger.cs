namespace ChurnFunctions.Core.Triggers;

/// <summary>
/// A timer both hosts run; the NCRONTAB schedule is read from the app setting <see cref="ScheduleSetting"/>
/// (<see cref="Schedule"/> is the binding expression the Functions attribute takes).
/// </summary>
public sealed record TimerTrigger(string Name, string ScheduleSetting, string DefaultSchedule)
{
    public string Schedule => "%" + ScheduleSetting + "%";
}
