using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace ChurnFunctions.Testing;

/// <summary>
/// A real Azurite (node_modules/azurite) on free loopback ports, started for the tests and killed (process tree)
/// on dispose. In-memory; <see cref="PersistentAzuriteFixture"/> keeps its data in a temp folder, so that
/// <see cref="Stop"/> then <see cref="Start"/> (same ports, same folder) looks like an outage to the code under test.
/// </summary>
public class AzuriteFixture : IAsyncLifetime, IDisposable
{
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();
    private Process? _process;

    public AzuriteFixture()
        : this(persistent: false)
    {
    }

    protected AzuriteFixture(bool persistent)
    {
        Persistent = persistent;
        (BlobPort, QueuePort, TablePort) = FreePorts();
        if (persistent)
        {
            DataFolder = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(DataFolder);
        }
    }

    public bool Persistent { get; }

    /// <summary>The --location folder when persistent, else null.</summary>
    public string? DataFolder { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>An explicit-endpoint connection string for this Azurite.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    public bool IsRunning => _process is { HasExited: false };

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts Azurite (again) on the same ports and data folder, and waits until all three ports accept connections.</summary>
    public void Start() => StartAsync().GetAwaiter().GetResult();

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var script = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing): run npm ci in {RepositoryRoot.Path}.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in Arguments(script))
        {
            start.ArgumentList.Add(argument);
        }

        lock (_gate)
        {
            _output.Clear();
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilListeningAsync(process).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops Azurite: SIGTERM first (on Unix), so a persistent Azurite flushes its database, then a kill of the whole
    /// process tree if it has not exited within 10 s. The ports and data folder stay reserved for <see cref="Start"/>.
    /// </summary>
    public void Stop()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited && !(Terminate(process.Id) && process.WaitForExit(10_000)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
        finally
        {
            process.Dispose();
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        Stop();
        if (DataFolder is not null && Directory.Exists(DataFolder))
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder.
            }
        }
    }

    /// <summary>Sends SIGTERM through kill(1); false on Windows or when that fails.</summary>
    private static bool Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        kill?.WaitForExit();
        return kill?.ExitCode == 0;
    }

    // All three listeners are open at once while the ports are read: asked one after another, the OS may hand out the
    // port it just released again, and Azurite then fails with EADDRINUSE on its second service (seen in CI).
    private static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private IEnumerable<string> Arguments(string script)
    {
        yield return script;
        yield return "--blobHost";
        yield return "127.0.0.1";
        yield return "--blobPort";
        yield return BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--queueHost";
        yield return "127.0.0.1";
        yield return "--queuePort";
        yield return QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--tableHost";
        yield return "127.0.0.1";
        yield return "--tablePort";
        yield return TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (DataFolder is null)
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            yield return "--location";
            yield return DataFolder;
        }

        yield return "--disableTelemetry";
        yield return "--silent";
        yield return "--skipApiVersionCheck";
        yield return "--loose";
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_output.Length < 16_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(Process process)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} while starting:\n{Output()}");
            }

            if (await AcceptsAsync(BlobPort).ConfigureAwait(false)
                && await AcceptsAsync(QueuePort).ConfigureAwait(false)
                && await AcceptsAsync(TablePort).ConfigureAwait(false))
            {
                return;
            }

            if (watch.Elapsed > StartTimeout)
            {
                Stop();
                throw new TimeoutException($"Azurite did not listen on ports {BlobPort}/{QueuePort}/{TablePort} within {StartTimeout}:\n{Output()}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private string Output()
    {
        lock (_gate)
        {
            return _output.ToString();
        }
    }
}
