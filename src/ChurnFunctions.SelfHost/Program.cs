using System.CommandLine;
using ChurnFunctions.SelfHost.Commands;

var root = new RootCommand("churn: ChurnFunctions self-hosted: ingest, churn analytics and campaigns on Azure Storage or Azurite.")
{
    ServeCommand.Create(),
    ImportCommand.Create(),
    FitCommand.Create(),
    ScoreCommand.Create(),
    EnrollCommand.Create(),
    BacktestCommand.Create(),
    ExportCommand.Create(),
    DemoCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
