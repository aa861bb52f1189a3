using System.CommandLine;

namespace ChurnFunctions.SelfHost.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (the Functions host's local default port is 7071).",
            DefaultValueFactory = _ => "http://127.0.0.1:7071",
        };
        var command = new Command("serve", "Run the HTTP routes under /api, the queue listeners and the timers.") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var app = ChurnHost.Build(["--urls", parse.GetValue(urls)!]);
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
