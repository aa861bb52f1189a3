using ChurnFunctions.SelfHost.Demo;

namespace ChurnFunctions.SelfHost.Tests.Demo;

public sealed class SimulatedTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(1997, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Now_is_the_instant_set_and_stays_there_while_real_time_passes()
    {
        var clock = new SimulatedTimeProvider(Start);
        Assert.Equal(Start, clock.GetUtcNow());

        clock.AdvanceTo(Start.AddDays(7).AddHours(3));
        var before = clock.GetUtcNow();
        Thread.SpinWait(100_000);

        Assert.Equal(Start.AddDays(7).AddHours(3), before);
        Assert.Equal(before, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void Never_moves_backwards()
    {
        var clock = new SimulatedTimeProvider(Start.AddDays(10));

        clock.AdvanceTo(Start);

        Assert.Equal(Start.AddDays(10), clock.GetUtcNow());
    }

    [Fact]
    public void Concurrent_advances_end_on_the_latest_instant()
    {
        var clock = new SimulatedTimeProvider(Start);

        Parallel.For(0, 1000, i => clock.AdvanceTo(Start.AddMinutes(i)));

        Assert.Equal(Start.AddMinutes(999), clock.GetUtcNow());
    }

    [Fact]
    public async Task A_delay_on_it_is_not_fired_by_a_simulated_jump()
    {
        // An hour of real time, so a busy machine cannot make the delay end on its own before the assertion.
        var clock = new SimulatedTimeProvider(Start);
        using var cancel = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromHours(1), clock, cancel.Token);

        // A week of simulated time must not fire it.
        clock.AdvanceTo(Start.AddDays(7));
        await Task.Delay(TimeSpan.FromMilliseconds(50));

        Assert.False(delay.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay);
    }
}
