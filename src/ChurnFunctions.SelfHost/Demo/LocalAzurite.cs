using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>
/// A fresh in-memory Azurite (the repository's node_modules) on free loopback ports, for the demo only: its data
/// never mixes with real data and goes when it stops. Disposing stops it (the whole process tree).
/// </summary>
public sealed class LocalAzurite : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key: public, the same in every Azurite.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;

    private LocalAzurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};"
            + $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
    }

    public string ConnectionString { get; }

    /// <summary>The Azurite script under <paramref name="repositoryRoot"/>, or null when `npm ci` has not installed it.</summary>
    public static string? ScriptUnder(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        return File.Exists(script) ? script : null;
    }

    public static async Task<LocalAzurite> StartAsync(string script, CancellationToken cancellationToken)
    {
        var (blob, queue, table) = FreePorts();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--blobHost", "127.0.0.1", "--blobPort", Text(blob), "--queueHost", "127.0.0.1", "--queuePort", Text(queue),
            "--tableHost", "127.0.0.1", "--tablePort", Text(table), "--inMemoryPersistence", "--disableTelemetry", "--silent",
            "--skipApiVersionCheck", "--loose",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start (node not found?).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new LocalAzurite(process, blob, queue, table);
        var deadline = Stopwatch.StartNew();
        try
        {
            while (!(await AcceptsAsync(blob) && await AcceptsAsync(queue) && await AcceptsAsync(table)))
            {
                if (process.HasExited || deadline.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException($"Azurite did not start listening within {StartTimeout.TotalSeconds:F0} s.");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
        catch
        {
            // Failed or cancelled while starting: the caller never gets it to dispose.
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // It exited meanwhile, or will: nothing of it is kept.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    // All three listeners open at once while the ports are read, so the OS cannot hand the same one out twice.
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
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
