namespace ChurnFunctions.SelfHost.Demo;

/// <summary>Where the replay stands after a simulated step's nightly scoring.</summary>
public sealed record DemoProgress(
    DateOnly Day, int RowsStored, int RowsTotal, int Customers, double? ChurnRate, int Entered, int WakeUpsDelivered);
