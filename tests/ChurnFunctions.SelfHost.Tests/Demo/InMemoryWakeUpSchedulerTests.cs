using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.SelfHost.Demo;

namespace ChurnFunctions.SelfHost.Tests.Demo;

public sealed class InMemoryWakeUpSchedulerTests
{
    private static readonly DateTimeOffset Day = new(1997, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Takes_only_what_is_due_earliest_first()
    {
        var scheduler = new InMemoryWakeUpScheduler();
        await scheduler.ScheduleAsync(new WakeUpMessage("c", Day.AddDays(3)), CancellationToken.None);
        await scheduler.ScheduleAsync(new WakeUpMessage("a", Day.AddHours(8)), CancellationToken.None);
        await scheduler.ScheduleAsync(new WakeUpMessage("b", Day.AddHours(1)), CancellationToken.None);

        var due = scheduler.TakeDue(Day.AddHours(8));

        Assert.Equal(["b", "a"], due.Select(m => m.InstanceId));
        Assert.Equal(Day.AddDays(3), scheduler.NextDueAt);
        Assert.Equal(1, scheduler.Pending);
    }

    [Fact]
    public async Task Nothing_is_due_before_its_time()
    {
        var scheduler = new InMemoryWakeUpScheduler();
        await scheduler.ScheduleAsync(new WakeUpMessage("a", Day.AddDays(7)), CancellationToken.None);

        Assert.Empty(scheduler.TakeDue(Day.AddDays(7).AddTicks(-1)));
        Assert.Single(scheduler.TakeDue(Day.AddDays(7)));
        Assert.Null(scheduler.NextDueAt);
    }

    [Fact]
    public async Task The_same_wake_up_scheduled_twice_is_delivered_once_and_others_of_the_instance_kept()
    {
        var scheduler = new InMemoryWakeUpScheduler();
        await scheduler.ScheduleAsync(new WakeUpMessage("a", Day), CancellationToken.None);
        await scheduler.ScheduleAsync(new WakeUpMessage("a", Day), CancellationToken.None);
        await scheduler.ScheduleAsync(new WakeUpMessage("a", Day.AddHours(1)), CancellationToken.None);

        var due = scheduler.TakeDue(Day.AddHours(1));

        Assert.Equal([Day, Day.AddHours(1)], due.Select(m => m.DueAt));
    }
}
