namespace ChurnFunctions.Testing.Hostile;

/// <summary>
/// One delivery of the hostile corpus: the source's route name ("shopify", "woocommerce", "square", "pos", "csv"),
/// its topic header where the source has one, and the raw body. <see cref="Name"/> says what is hostile about it.
/// </summary>
public sealed record HostileBody(string Source, string Name, string Body, string? Topic = null)
{
    public override string ToString() => $"{Source}/{Name}";
}
