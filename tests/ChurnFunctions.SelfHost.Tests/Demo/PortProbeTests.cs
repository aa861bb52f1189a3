using System.Net;
using System.Net.Sockets;
using ChurnFunctions.SelfHost.Demo;

namespace ChurnFunctions.SelfHost.Tests.Demo;

/// <summary>A running ChurnFunctions server is recognised by <see cref="DemoReplayTests"/>; these cover the other answers.</summary>
public sealed class PortProbeTests
{
    [Fact]
    public async Task A_port_nobody_listens_on_is_free()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Assert.Equal(PortState.Free, await PortProbe.ProbeAsync(port, CancellationToken.None));
    }

    [Fact]
    public async Task A_port_held_by_a_program_that_is_not_churn_is_taken()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        // Accepts and hangs up without an HTTP answer, as something else on the port might.
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
        });

        Assert.Equal(PortState.OtherProgram, await PortProbe.ProbeAsync(port, CancellationToken.None));
        await serving.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
