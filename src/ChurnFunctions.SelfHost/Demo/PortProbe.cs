using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>What answers on a loopback port before the demo takes it.</summary>
public enum PortState
{
    Free,
    ChurnServer,
    OtherProgram,
}

public static class PortProbe
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Free when nothing accepts; a ChurnFunctions server when /api/health answers as ours does; else another program.</summary>
    public static async Task<PortState> ProbeAsync(int port, CancellationToken cancellationToken)
    {
        using (var client = new TcpClient())
        {
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            }
            catch (SocketException)
            {
                return PortState.Free;
            }
        }

        using var http = new HttpClient { Timeout = HealthTimeout };
        try
        {
            using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/health"), cancellationToken));
            return health.RootElement.ValueKind == JsonValueKind.Object
                && health.RootElement.TryGetProperty("status", out var status) && status.ValueEquals("healthy")
                && health.RootElement.TryGetProperty("time", out _)
                ? PortState.ChurnServer
                : PortState.OtherProgram;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return PortState.OtherProgram;
        }
    }
}
