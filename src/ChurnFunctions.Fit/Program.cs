using ChurnFunctions.Fit;

return FitCli.Run(args, Console.Out, Console.Error);
