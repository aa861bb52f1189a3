using ChurnFunctions.Storage.Ports;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Storage.Tests.Integration;

[Collection(AzuriteCollection.Name)]
public sealed class BlobTimerLeasesTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Occurrence = new(2026, 3, 10, 2, 30, 0, TimeSpan.Zero);

    // Two accounts: two processes, each with its own connections.
    private readonly StorageAccount _first = StorageAccount.FromConnectionString(azurite.ConnectionString);
    private readonly StorageAccount _second = StorageAccount.FromConnectionString(azurite.ConnectionString);
    private readonly string _timer = "timer-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_held_lease_is_refused_to_another_process_until_released()
    {
        var one = new BlobTimerLeases(_first);
        var two = new BlobTimerLeases(_second);

        var held = await one.TryAcquireAsync(_timer, Duration, default);
        var refused = await two.TryAcquireAsync(_timer, Duration, default);
        await one.ReleaseAsync(held!, default);
        var after = await two.TryAcquireAsync(_timer, Duration, default);

        Assert.NotNull(held);
        Assert.Null(held.LastRun);
        Assert.Null(refused);
        Assert.NotNull(after);
        Assert.NotEqual(held.LeaseId, after.LeaseId);
    }

    [Fact]
    public async Task The_next_holder_sees_the_occurrence_the_last_holder_recorded()
    {
        var one = new BlobTimerLeases(_first);
        var two = new BlobTimerLeases(_second);

        var held = await one.TryAcquireAsync(_timer, Duration, default);
        Assert.True(await one.RecordRunAsync(held!, Occurrence, default));
        await one.ReleaseAsync(held!, default);
        var next = await two.TryAcquireAsync(_timer, Duration, default);

        Assert.Equal(Occurrence, next!.LastRun);
        Assert.Equal(TimeSpan.Zero, next.LastRun!.Value.Offset);
    }

    [Fact]
    public async Task The_record_never_moves_backwards()
    {
        var leases = new BlobTimerLeases(_first);
        var held = await leases.TryAcquireAsync(_timer, Duration, default);
        await leases.RecordRunAsync(held!, Occurrence, default);
        await leases.ReleaseAsync(held!, default);

        var again = await leases.TryAcquireAsync(_timer, Duration, default);
        await leases.RecordRunAsync(again!, Occurrence.AddDays(-1), default);
        await leases.ReleaseAsync(again!, default);

        Assert.Equal(Occurrence, (await leases.TryAcquireAsync(_timer, Duration, default))!.LastRun);
    }

    [Fact]
    public async Task A_lease_that_is_no_longer_held_cannot_be_renewed_or_record_a_run()
    {
        var one = new BlobTimerLeases(_first);
        var two = new BlobTimerLeases(_second);
        var stale = (await one.TryAcquireAsync(_timer, Duration, default))!;
        Assert.True(await one.RenewAsync(stale, default));
        await one.ReleaseAsync(stale, default);
        var current = (await two.TryAcquireAsync(_timer, Duration, default))!;

        Assert.False(await one.RenewAsync(stale, default));
        Assert.False(await one.RecordRunAsync(stale, Occurrence, default));
        Assert.Null(await one.TryAcquireAsync(_timer, Duration, default));
        Assert.True(await two.RenewAsync(current, default));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
