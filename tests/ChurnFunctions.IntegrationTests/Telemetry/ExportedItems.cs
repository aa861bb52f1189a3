using System.Collections;

namespace ChurnFunctions.IntegrationTests.Telemetry;

/// <summary>What an in-memory exporter exports (items, metrics), safe to read while the host's threads keep adding.</summary>
internal sealed class ExportedItems<T> : ICollection<T>
{
    private readonly List<T> items = [];

    public int Count
    {
        get
        {
            lock (items)
            {
                return items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    /// <summary>A copy of what was exported so far.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (items)
        {
            return [.. items];
        }
    }

    public void Add(T item)
    {
        lock (items)
        {
            items.Add(item);
        }
    }

    public void Clear()
    {
        lock (items)
        {
            items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (items)
        {
            return items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
