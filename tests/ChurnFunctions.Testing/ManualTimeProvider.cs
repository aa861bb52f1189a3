namespace ChurnFunctions.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test calls <see cref="Advance"/> or
/// <see cref="SetUtcNow"/>. Timers it creates (and so <c>Task.Delay(delay, timeProvider, ct)</c>) fire in due-time
/// order during an advance, with the clock set to each timer's due time while its callback runs.
/// Callbacks of timers created with a zero due time run on the thread pool, as a system timer's would.
/// </summary>
/// <remarks>
/// Code under test usually schedules its next timer from a continuation on the thread pool, so a test should wait
/// for that timer to exist (<see cref="WaitForTimerAsync"/>) before advancing past it.
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(Func<DateTimeOffset, bool> Match, TaskCompletionSource<DateTimeOffset> Signal)> _waiters = [];
    private DateTimeOffset _utcNow;
    private long _sequence;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public ManualTimeProvider(DateTimeOffset utcNow) => _utcNow = utcNow.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How many timers are scheduled and not yet fired (one-shot), changed to infinite or disposed.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.Due is not null);
            }
        }
    }

    /// <summary>The due times of the pending timers, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> PendingDueTimes
    {
        get
        {
            lock (_gate)
            {
                return _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value).Order().ToList();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _utcNow;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in due-time order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _utcNow + by;
        }

        SetUtcNow(target);
    }

    /// <summary>Sets the clock (never backwards), firing every timer due by then, in due-time order.</summary>
    public void SetUtcNow(DateTimeOffset utcNow)
    {
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                if (utcNow < _utcNow)
                {
                    throw new ArgumentOutOfRangeException(nameof(utcNow), "The manual clock does not go backwards.");
                }

                next = _timers.Where(t => t.Due is { } due && due <= utcNow)
                    .OrderBy(t => t.Due).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null)
                {
                    _utcNow = utcNow;
                    return;
                }

                _utcNow = next.Due!.Value;
                next.Due = next.Period is { } period ? _utcNow + period : null;
            }

            next.Fire();
        }
    }

    /// <summary>
    /// Completes with the due time of a pending timer that <paramref name="match"/> accepts (any when null): at once
    /// when one is pending already, else when one is scheduled.
    /// </summary>
    public Task<DateTimeOffset> WaitForTimerAsync(Func<DateTimeOffset, bool>? match = null)
    {
        match ??= _ => true;
        lock (_gate)
        {
            foreach (var timer in _timers)
            {
                if (timer.Due is { } due && match(due))
                {
                    return Task.FromResult(due);
                }
            }

            var signal = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task;
        }
    }

    /// <summary>Completes when a timer due exactly at <paramref name="due"/> is pending.</summary>
    public Task<DateTimeOffset> WaitForTimerAtAsync(DateTimeOffset due) => WaitForTimerAsync(d => d == due);

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        var fireNow = false;
        lock (_gate)
        {
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.Due = null;
                return;
            }

            if (dueTime == TimeSpan.Zero)
            {
                timer.Due = timer.Period is { } p ? _utcNow + p : null;
                fireNow = true;
            }
            else
            {
                timer.Due = _utcNow + dueTime;
                timer.Sequence = ++_sequence;
                var due = timer.Due.Value;
                for (var i = _waiters.Count - 1; i >= 0; i--)
                {
                    if (_waiters[i].Match(due))
                    {
                        _waiters[i].Signal.TrySetResult(due);
                        _waiters.RemoveAt(i);
                    }
                }
            }
        }

        if (fireNow)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            timer.Due = null;
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
